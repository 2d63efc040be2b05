import type { PresenceStatus, Relationship } from '@bonfire/sdk';

export type FriendsTab = 'online' | 'all' | 'pending' | 'blocked';

export const TABS: { id: FriendsTab; label: string }[] = [
  { id: 'online', label: 'Online' },
  { id: 'all', label: 'All' },
  { id: 'pending', label: 'Pending' },
  { id: 'blocked', label: 'Blocked' },
];

/** Which relationships a tab lists (friends online, all friends, requests both ways, blocks). */
export function relationshipsOfTab(
  tab: FriendsTab,
  relationships: readonly Relationship[],
  statusOf: (userId: string) => PresenceStatus,
): Relationship[] {
  const name = (r: Relationship) => (r.user.displayName ?? r.user.username).toLowerCase();
  const of = (predicate: (r: Relationship) => boolean) =>
    relationships.filter(predicate).sort((a, b) => name(a).localeCompare(name(b)));
  switch (tab) {
    case 'online':
      return of((r) => r.type === 'friend' && !['offline', 'invisible'].includes(statusOf(r.id)));
    case 'all':
      return of((r) => r.type === 'friend');
    case 'pending':
      return of((r) => r.type === 'incoming' || r.type === 'outgoing');
    case 'blocked':
      return of((r) => r.type === 'blocked');
  }
}
