import { compareIds, type EventData, type RealtimeState } from '@bonfire/contracts';
import type { DispatchSource } from './dispatch-frame';

/**
 * What a brand-new session's `ready` snapshot already shows, so the session must not get it again as a
 * dispatch — whether the event was captured while the snapshot was read or reached the gateway only
 * after the session joined its rooms (Kafka lag): a message.created at or below its channel's
 * `lastMessageId` in the snapshot (part of the history the client loads), and the channel.created event
 * of a channel the snapshot lists (a channel is created once; the channel.created a later visibility move
 * sends, id `<event>:shown…`, may re-show a channel hidden since and always goes out). Only what happens
 * once is skipped: updates, deletions and joins (a user may leave and join again) are delivered in order
 * on top of the snapshot.
 */
export class SnapshotCoverage {
  /** Channel id → its last message id in the snapshot (null: no message yet). */
  private readonly channels = new Map<string, string | null>();

  constructor(state: RealtimeState) {
    for (const dm of state.dms) this.channels.set(dm.id, dm.lastMessageId);
    for (const guild of state.guilds) {
      for (const channel of guild.channels) this.channels.set(channel.id, channel.lastMessageId);
      for (const thread of guild.threads ?? []) this.channels.set(thread.id, thread.lastMessageId);
    }
  }

  covers(packet: DispatchSource): boolean {
    switch (packet.type) {
      case 'channel.created':
        return (
          !packet.id.includes(':') &&
          this.channels.has((packet.data as EventData<'channel.created'>).channel.id)
        );
      case 'message.created': {
        const { message } = packet.data as EventData<'message.created'>;
        const last = this.channels.get(message.channelId);
        return typeof last === 'string' && compareIds(message.id, last) <= 0;
      }
      default:
        return false;
    }
  }
}
