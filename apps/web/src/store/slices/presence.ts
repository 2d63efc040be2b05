import type { Presence, PresenceStatus, ReadyPayload } from '@bonfire/sdk';

/** How long a typing indicator shows when the server's expiry cannot be read. */
const TYPING_FALLBACK_MS = 8000;

/** Who is online, my own status, and who is typing where. */
export interface PresenceSliceState {
  presences: Record<string, Presence>;
  myPresence: { status: PresenceStatus; customStatus: Presence['customStatus'] };
  /** channelId → userId → expiry (ms). */
  typing: Record<string, Record<string, number>>;
}

export function initialPresence(): PresenceSliceState {
  return { presences: {}, myPresence: { status: 'online', customStatus: null }, typing: {} };
}

/** `ready` replaces presences and my status; typing indicators carry over. */
export function presenceFromReady(state: PresenceSliceState, payload: ReadyPayload): PresenceSliceState {
  const presences: Record<string, Presence> = {};
  for (const presence of payload.presences) presences[presence.userId] = presence;
  return { ...state, presences, myPresence: payload.presence };
}

export function putPresences(state: PresenceSliceState, presences: Presence[]): PresenceSliceState {
  if (presences.length === 0) return state;
  const next = { ...state.presences };
  for (const presence of presences) next[presence.userId] = presence;
  return { ...state, presences: next };
}

/** A `presence.updated`: mine also sets my own status. */
export function applyPresenceUpdate(
  state: PresenceSliceState,
  presence: Presence,
  me: string | undefined,
): PresenceSliceState {
  const myPresence =
    presence.userId === me
      ? { status: presence.status, customStatus: presence.customStatus }
      : state.myPresence;
  return { ...state, myPresence, presences: { ...state.presences, [presence.userId]: presence } };
}

export function setMyPresence(
  state: PresenceSliceState,
  myPresence: PresenceSliceState['myPresence'],
): PresenceSliceState {
  return { ...state, myPresence };
}

export function startTyping(
  state: PresenceSliceState,
  typing: { channelId: string; userId: string; expiresAt: string },
  now: number,
): PresenceSliceState {
  const expiresAt = Date.parse(typing.expiresAt) || now + TYPING_FALLBACK_MS;
  return {
    ...state,
    typing: {
      ...state.typing,
      [typing.channelId]: { ...state.typing[typing.channelId], [typing.userId]: expiresAt },
    },
  };
}

/** The user's message arrived: their typing indicator goes. */
export function clearTyping(
  state: PresenceSliceState,
  channelId: string,
  userId: string,
): PresenceSliceState {
  if (!state.typing[channelId]?.[userId]) return state;
  const users = { ...state.typing[channelId] };
  delete users[userId];
  return { ...state, typing: { ...state.typing, [channelId]: users } };
}

/** Drops the indicators whose time is up; the same state when none is. */
export function expireTyping(state: PresenceSliceState, now: number): PresenceSliceState {
  let changed = false;
  const typing: PresenceSliceState['typing'] = {};
  for (const [channelId, users] of Object.entries(state.typing)) {
    const kept: Record<string, number> = {};
    for (const [userId, expiresAt] of Object.entries(users)) {
      if (expiresAt > now) kept[userId] = expiresAt;
      else changed = true;
    }
    typing[channelId] = kept;
  }
  return changed ? { ...state, typing } : state;
}
