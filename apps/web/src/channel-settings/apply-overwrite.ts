import type { Channel } from '@bonfire/sdk';
import type { AppStore } from '../app/store';
import { isEmptyOverwrite } from '../permissions/permission-math';

export interface OverwriteTarget {
  id: string;
  type: 'role' | 'member';
}

/**
 * Writes one overwrite of a channel: an overwrite left with nothing allowed or denied is removed rather
 * than kept empty. The channel is read back so the settings show the result at once (its
 * `channel.updated` dispatch brings the same to everyone else); a channel the user can no longer see
 * is left to the dispatch that hides it.
 */
export async function applyOverwrite(
  store: AppStore,
  channel: Channel,
  target: OverwriteTarget,
  next: { allow: string; deny: string },
  options: { keepEmpty?: boolean } = {},
): Promise<void> {
  const exists = channel.permissionOverwrites.some((overwrite) => overwrite.id === target.id);
  if (isEmptyOverwrite(next) && !options.keepEmpty) {
    if (exists) await store.client.channels.deletePermissionOverwrite(channel.id, target.id);
  } else {
    await store.client.channels.setPermissionOverwrite(channel.id, target.id, { type: target.type, ...next });
  }
  try {
    store.putChannel(await store.client.channels.get(channel.id));
  } catch {
    // Hidden from the user now: the gateway's channel.deleted removes it.
  }
}
