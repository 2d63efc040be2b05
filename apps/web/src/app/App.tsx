import { useEffect, useMemo, useState } from 'react';
import { SESSION_END_REASONS } from '@bonfire/contracts';
import { BonfireClient, type PrivateUser } from '@bonfire/sdk';
import { createXhrUploadTransport, localStorageTokenStore } from '@bonfire/sdk/browser';
import { AuthScreen } from '../auth/AuthScreen';
import {
  ConfirmEmailPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from '../auth/MailLinkPages';
import { InvitePreviewScreen, PENDING_INVITE_KEY } from '../guilds/InvitePreviewScreen';
import { Toasts, notify } from '../ui/Toasts';
import { GoodbyeScreen } from '../account/GoodbyeScreen';
import { markAccountDeleted } from '../account/goodbye';
import { StoreContext } from './hooks';
import { watchIdle } from './idle';
import { navigate, useRoute } from './router';
import { Shell } from './Shell';
import { AppStore } from './store';
import { describeError } from './util';

type Session = { status: 'checking' } | { status: 'signed-out' } | { status: 'signed-in'; me: PrivateUser };

/** The one client of this page: same origin as the gateway that served it. */
function createClient(onEnded: (reason: string) => void): BonfireClient {
  return new BonfireClient({
    baseUrl: '',
    tokenStore: localStorageTokenStore(),
    uploadTransport: createXhrUploadTransport(),
    onSessionEnded: (event) => onEnded(event.reason),
  });
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const client = useMemo(
    () =>
      createClient((reason) => {
        setSession({ status: 'signed-out' });
        // A deleted account (here or on another device) says goodbye instead.
        if (reason === SESSION_END_REASONS.accountDeleted) markAccountDeleted();
        else if (reason !== SESSION_END_REASONS.loggedOut)
          notify('Your session ended. Log in again to continue.');
      }),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        if (!(await client.auth.restore())) {
          if (!cancelled) setSession({ status: 'signed-out' });
          return;
        }
        const me = await client.users.me();
        if (!cancelled) setSession({ status: 'signed-in', me });
      } catch (error) {
        if (cancelled) return;
        setSession({ status: 'signed-out' });
        notify(`Could not restore your session: ${describeError(error)}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);

  let content;
  if (session.status === 'checking') {
    content = (
      <div className="loading-screen" role="status">
        Loading Bonfire…
      </div>
    );
  } else if (route.page === 'invite') {
    content = (
      <InvitePreviewScreen
        client={client}
        code={route.code}
        signedIn={session.status === 'signed-in'}
        onJoined={(guildId) => navigate({ page: 'guild', guildId, channelId: null })}
      />
    );
  } else if (route.page === 'verify-email' || route.page === 'confirm-email') {
    const Page = route.page === 'verify-email' ? VerifyEmailPage : ConfirmEmailPage;
    // The account changed: a signed-in page reloads it before going on.
    const reloadMe = () => {
      if (session.status !== 'signed-in') return;
      client.users.me().then(
        (me) => setSession({ status: 'signed-in', me }),
        () => undefined,
      );
    };
    content = <Page client={client} signedIn={session.status === 'signed-in'} onDone={reloadMe} />;
  } else if (route.page === 'reset-password') {
    content = <ResetPasswordPage client={client} />;
  } else if (route.page === 'forgot-password' && session.status === 'signed-out') {
    content = <ForgotPasswordPage client={client} />;
  } else if (session.status === 'signed-out') {
    content = (
      <AuthScreen
        client={client}
        mode={route.page === 'register' ? 'register' : 'login'}
        onSignedIn={(me) => {
          setSession({ status: 'signed-in', me });
          // Someone who opened an invite link before logging in goes back to it.
          const pendingInvite = sessionStorage.getItem(PENDING_INVITE_KEY);
          sessionStorage.removeItem(PENDING_INVITE_KEY);
          if (pendingInvite) navigate({ page: 'invite', code: pendingInvite });
          else if (route.page === 'login' || route.page === 'register')
            navigate({ page: 'home', channelId: null });
        }}
      />
    );
  } else {
    content = <SignedIn key={session.me.id} client={client} me={session.me} />;
  }
  return (
    <>
      {content}
      <Toasts />
      <GoodbyeScreen />
    </>
  );
}

function SignedIn({ client, me }: { client: BonfireClient; me: PrivateUser }) {
  const store = useMemo(() => new AppStore(client), [client]);
  useEffect(() => {
    store.start(me).catch((error: unknown) => notify(`Could not connect: ${describeError(error)}`));
    const stopWatchingIdle = watchIdle(client);
    return () => {
      stopWatchingIdle();
      store.stop();
    };
  }, [store, client, me]);
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}
