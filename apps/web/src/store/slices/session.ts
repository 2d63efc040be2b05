import type { ConnectionState, PrivateUser, PublicUser } from '@bonfire/sdk';

/** Who is signed in, whether the realtime connection is up, and the profiles the session has seen. */
export interface SessionState {
  connection: ConnectionState;
  /** The first `ready` arrived: the app can render. */
  ready: boolean;
  me: PrivateUser | null;
  users: Record<string, PublicUser>;
}

export function initialSession(): SessionState {
  return { connection: 'disconnected', ready: false, me: null, users: {} };
}

export function setConnection(state: SessionState, connection: ConnectionState): SessionState {
  return { ...state, connection };
}

export function markReady(state: SessionState): SessionState {
  return { ...state, ready: true };
}

export function setMe(state: SessionState, me: PrivateUser): SessionState {
  return { ...state, me, users: { ...state.users, [me.id]: me } };
}

/** A profile fetched over REST: a `user.updated` that arrived meanwhile is newer, so it stays. */
export function addFetchedUser(state: SessionState, user: PublicUser): SessionState {
  return state.users[user.id] ? state : { ...state, users: { ...state.users, [user.id]: user } };
}

/** A name or avatar changed: everything that shows the user reads it from `users` (and mine keeps my email). */
export function applyUserUpdate(state: SessionState, user: PublicUser): SessionState {
  return {
    ...state,
    users: { ...state.users, [user.id]: user },
    me: state.me?.id === user.id ? { ...state.me, ...user } : state.me,
  };
}

export function isKnownUser(state: SessionState, userId: string): boolean {
  return state.users[userId] !== undefined;
}
