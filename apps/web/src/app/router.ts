import { useEffect, useState } from 'react';

/** The app's pages; the gateway answers index.html for each of them (SPA fallback). */
export type Route =
  | { page: 'login' }
  | { page: 'register' }
  | { page: 'invite'; code: string }
  | { page: 'home'; channelId: string | null }
  | { page: 'guild'; guildId: string; channelId: string | null }
  | { page: 'settings' }
  /** Instance administration (instance admins only). */
  | { page: 'admin' }
  /** A bot's authorise link (`?client_id=&permissions=` in the query string, read by the page). */
  | { page: 'authorize' }
  /** Mailed links (`?token=` in the query string, read by the page) and the password-reset request. */
  | { page: 'verify-email' | 'reset-password' | 'confirm-email' | 'forgot-password' };

const MAIL_PAGES = ['verify-email', 'reset-password', 'confirm-email', 'forgot-password'] as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'register') return { page: 'register' };
  if (parts[0] === 'invite' && parts[1]) return { page: 'invite', code: parts[1] };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'admin' && parts.length === 1) return { page: 'admin' };
  const mailPage = MAIL_PAGES.find((page) => page === parts[0]);
  if (mailPage && parts.length === 1) return { page: mailPage };
  if (parts[0] === 'oauth2' && parts[1] === 'authorize') return { page: 'authorize' };
  if (parts[0] === 'channels' && parts[1] && parts[1] !== '@me') {
    return { page: 'guild', guildId: parts[1], channelId: parts[2] ?? null };
  }
  return { page: 'home', channelId: parts[0] === 'channels' ? (parts[2] ?? null) : null };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'login':
    case 'register':
    case 'settings':
    case 'admin':
    case 'verify-email':
    case 'reset-password':
    case 'confirm-email':
    case 'forgot-password':
      return `/${route.page}`;
    case 'authorize':
      return '/oauth2/authorize';
    case 'invite':
      return `/invite/${encodeURIComponent(route.code)}`;
    case 'home':
      return route.channelId ? `/channels/@me/${route.channelId}` : '/channels/@me';
    case 'guild':
      return route.channelId ? `/channels/${route.guildId}/${route.channelId}` : `/channels/${route.guildId}`;
  }
}

const listeners = new Set<() => void>();

export function navigate(route: Route | string, options: { replace?: boolean } = {}): void {
  const path = typeof route === 'string' ? route : routePath(route);
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
