import type { AppState } from '../app/store';

interface PersonOption {
  id: string;
  name: string;
  username: string | undefined;
}

/** The people one can start a conversation with: those sharing a server (or a DM) with the user. */
export function knownPeople(state: Pick<AppState, 'guilds' | 'dms' | 'users' | 'me'>): PersonOption[] {
  const ids = new Set<string>();
  for (const guild of Object.values(state.guilds)) for (const id of Object.keys(guild.members)) ids.add(id);
  for (const dm of state.dms) for (const id of dm.recipientIds) ids.add(id);
  ids.delete(state.me?.id ?? '');
  return [...ids]
    .map((id) => ({
      id,
      name: state.users[id]?.displayName ?? state.users[id]?.username ?? id,
      username: state.users[id]?.username,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The most people in a group DM, the creator included (the server's limit). */
export const GROUP_DM_MAX = 10;
