import { useCallback, useEffect } from 'react';
import type { BonfireClient, NotificationCreated } from '@bonfire/sdk';
import { useClient } from '../app/hooks';
import { navigate, parseRoute } from '../app/router';

/** Set once the page asked for the permission: it is asked once, from a click, never on its own. */
const ASKED_KEY = 'bonfire.notifications.asked';
const SERVICE_WORKER_URL = '/sw.js';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

export function permissionAsked(): boolean {
  return localStorage.getItem(ASKED_KEY) === '1';
}

/** The notification's title and text, as the page and the service worker show them. */
export function describeNotification(note: NotificationCreated): { title: string; body: string } {
  const where = note.guildId
    ? `${note.author.name} in #${note.channelName ?? 'channel'}${note.guildName ? ` (${note.guildName})` : ''}`
    : note.author.name;
  return { title: where, body: note.preview || 'New message' };
}

/** Where a notification leads: the channel of the message. */
export function notificationPath(note: NotificationCreated): string {
  return `/channels/${note.guildId ?? '@me'}/${note.channelId}`;
}

/** Nothing to show when this tab is focused on that very channel: the message is on screen. */
export function shouldShow(note: NotificationCreated, focused: boolean, pathname: string): boolean {
  if (!focused) return true;
  const route = parseRoute(pathname);
  const channelId = route.page === 'guild' || route.page === 'home' ? route.channelId : null;
  return channelId !== note.channelId;
}

/**
 * Asks for the permission (call it from a click: browsers ignore prompts without a user gesture), then
 * registers the service worker and subscribes it to Web Push when the server has a VAPID key.
 */
async function enableNotifications(client: BonfireClient): Promise<NotificationPermission | 'unsupported'> {
  if (!notificationsSupported()) return 'unsupported';
  localStorage.setItem(ASKED_KEY, '1');
  const permission = await Notification.requestPermission();
  if (permission === 'granted') await subscribePush(client).catch(() => undefined);
  return permission;
}

/** `enableNotifications` for the signed-in client, for a component's click handler. */
export function useEnableNotifications(): () => Promise<NotificationPermission | 'unsupported'> {
  const client = useClient();
  return useCallback(() => enableNotifications(client), [client]);
}

/** Registers the service worker and stores its push subscription (once permission is granted). */
async function subscribePush(client: BonfireClient): Promise<void> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return;
  const key = await client.notifications.vapidPublicKey();
  if (!key) return;
  const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL);
  await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  const subscription =
    existing ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(key),
    }));
  const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  await client.notifications.subscribePush({ endpoint: json.endpoint, keys: json.keys });
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let index = 0; index < raw.length; index += 1) bytes[index] = raw.charCodeAt(index);
  return bytes;
}

/**
 * Shows a browser notification for each `notification.created` of this user (the server decided from the
 * settings), unless this tab is focused on that channel. Clicking it focuses the tab and opens the
 * channel. The service worker shows pushes with the same tag (the message id), so a message never shows
 * twice. With permission already granted, the push subscription is refreshed at start (no prompt).
 */
export function useBrowserNotifications(): void {
  const client = useClient();
  useEffect(() => {
    if (!notificationsSupported()) return undefined;
    if (Notification.permission === 'granted') void subscribePush(client).catch(() => undefined);
    return client.realtime.on('notification.created', (note) => {
      if (Notification.permission !== 'granted') return;
      if (!shouldShow(note, document.hasFocus(), window.location.pathname)) return;
      const { title, body } = describeNotification(note);
      const shown = new Notification(title, {
        body,
        tag: note.messageId,
        data: { path: notificationPath(note) },
      });
      shown.onclick = () => {
        window.focus();
        navigate(notificationPath(note));
        shown.close();
      };
    });
  }, [client]);
}
