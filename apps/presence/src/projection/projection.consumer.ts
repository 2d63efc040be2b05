import type { AnyEvent } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { AudienceStore } from './audience.store';

/**
 * Who shares a guild or a DM with whom, and who befriended or blocked whom (relationship.* on
 * chat.members), projected from chat's events into the AudienceStore (guild →
 * members, user → guilds, user → DM partners): the audience of each presence.updated and the filter of
 * GET /presences, without calling chat. Every effect is a set add/remove, so redelivered events
 * (at-least-once) change nothing. ProjectionHandlers hands it the events.
 */
@Injectable()
export class ProjectionConsumer {
  private relationshipListener: ((userId: string, targetId: string) => Promise<void>) | null = null;
  private userDeletedListener: ((userId: string) => Promise<void>) | null = null;

  constructor(private readonly audience: AudienceStore) {}

  /**
   * Called after a relationship change is applied (userId's side towards targetId): presence pushes
   * userId's presence to targetId, as they may now see it (offline when blocked, live when befriended).
   */
  onRelationshipChange(listener: (userId: string, targetId: string) => Promise<void>): void {
    this.relationshipListener = listener;
  }

  /**
   * Called on `user.deleted` (auth.users): presence forgets the account's connections and settings,
   * publishes it offline, then the projection forgets it (PresenceService.forgetUser).
   */
  onUserDeleted(listener: (userId: string) => Promise<void>): void {
    this.userDeletedListener = listener;
  }

  /** Applies one chat event to the projection (idempotent). */
  async apply(event: AnyEvent): Promise<void> {
    switch (event.type) {
      case 'guild.created':
        return this.audience.joinGuild(event.data.guild.id, event.data.guild.ownerId);
      case 'member.joined':
        return this.audience.joinGuild(event.data.member.guildId, event.data.member.userId);
      case 'member.left':
        return this.audience.leaveGuild(event.data.guildId, event.data.userId);
      case 'guild.deleted':
        return this.audience.deleteGuild(event.data.guildId);
      case 'channel.created':
        if (event.data.channel.guildId !== null) return;
        return this.audience.addDmPartners(event.data.channel.recipientIds);
      case 'relationship.added': {
        // Chat's relationship events carry the new state of one side, so applying one twice changes nothing.
        const { userId, relationship } = event.data;
        await this.audience.setRelationship(userId, relationship.id, {
          blocked: relationship.type === 'blocked',
          friend: relationship.type === 'friend',
        });
        return this.relationshipListener?.(userId, relationship.id);
      }
      case 'relationship.removed':
        await this.audience.setRelationship(event.data.userId, event.data.id, {
          blocked: false,
          friend: false,
        });
        return this.relationshipListener?.(event.data.userId, event.data.id);
      case 'user.deleted':
        if (this.userDeletedListener) return this.userDeletedListener(event.data.userId);
        return this.audience.forgetUser(event.data.userId);
      default:
        return;
    }
  }
}
