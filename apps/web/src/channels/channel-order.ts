import type { Channel, ChannelPositionUpdate } from '@bonfire/sdk';
import { compareIds } from '@bonfire/contracts';

export const byPosition = (a: Channel, b: Channel) => a.position - b.position || compareIds(a.id, b.id);

/** The channels shown next to `channel` in the list: its category's channels, or the categories. */
export function siblings(
  channels: readonly Channel[],
  channel: Channel,
  parentId = channel.parentId,
): Channel[] {
  if (channel.type === 'category') return channels.filter((c) => c.type === 'category').sort(byPosition);
  return channels.filter((c) => c.type !== 'category' && c.parentId === parentId).sort(byPosition);
}

/**
 * The position updates that put `movedId` at `index` among the channels of `parentId` (null: no
 * category; categories always move among categories). Every channel of the destination is renumbered
 * 0..n so the order is exactly what was shown; only the ones that change are sent.
 */
export function planChannelMove(
  channels: readonly Channel[],
  movedId: string,
  target: { parentId: string | null; index: number },
): ChannelPositionUpdate[] {
  const moved = channels.find((channel) => channel.id === movedId);
  if (!moved) return [];
  const parentId = moved.type === 'category' ? null : target.parentId;
  const others = siblings(channels, moved, parentId).filter((channel) => channel.id !== movedId);
  const index = Math.max(0, Math.min(others.length, target.index));
  const ordered = [...others.slice(0, index), moved, ...others.slice(index)];
  const updates: ChannelPositionUpdate[] = [];
  ordered.forEach((channel, position) => {
    if (channel.id === movedId) {
      if (channel.position !== position || channel.parentId !== parentId) {
        updates.push(
          moved.type === 'category' ? { id: channel.id, position } : { id: channel.id, position, parentId },
        );
      }
    } else if (channel.position !== position) {
      updates.push({ id: channel.id, position });
    }
  });
  return updates;
}

/** One step up (-1) or down (+1) within its own list, for the keyboard. */
export function planChannelStep(
  channels: readonly Channel[],
  movedId: string,
  delta: -1 | 1,
): ChannelPositionUpdate[] {
  const moved = channels.find((channel) => channel.id === movedId);
  if (!moved) return [];
  const index = siblings(channels, moved).findIndex((channel) => channel.id === movedId);
  return planChannelMove(channels, movedId, { parentId: moved.parentId, index: index + delta });
}
