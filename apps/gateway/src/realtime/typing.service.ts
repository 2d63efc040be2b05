import { randomUUID } from 'node:crypto';
import {
  has,
  PERMISSIONS,
  REALTIME_ERROR_CODES,
  type RealtimeAck,
  type TypingStarted,
} from '@bonfire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { ChatRealtimeClient } from './chat-realtime.client';
import { type RealtimePacket, rooms } from './realtime-packet';
import { FanOutService } from './fan-out.service';
import { RealtimeRefusal } from './realtime-exception.filter';
import { PEER_EVENTS, RealtimeNode } from './realtime-node';
import type { RealtimeSession as Session, RealtimeSocket } from './realtime-session';
import { SessionStore } from './session-store';

const TYPING_TTL_MS = 8_000;

/**
 * Typing is ephemeral: checked against chat (SEND_MESSAGES, cached per user and channel for 30 s),
 * rate-limited in the SessionStore (one per user and channel per interval, across gateways), sent to the
 * channel's other sessions on every gateway without Kafka, without a sequence number and without
 * buffering — a resumed client has no use for a typing indicator that has long expired.
 */
@Injectable()
export class TypingService {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly chat: ChatRealtimeClient,
    private readonly store: SessionStore,
    private readonly fanOut: FanOutService,
    private readonly node: RealtimeNode,
  ) {}

  /** `typing.start`: refused with the protocol's codes (RealtimeExceptionFilter answers them). */
  async start(socket: RealtimeSocket, channelId: string): Promise<RealtimeAck> {
    const { identity } = socket.data;
    let permissions: bigint | null;
    try {
      permissions = await this.chat.channelPermissions(identity, channelId);
    } catch {
      throw new RealtimeRefusal(REALTIME_ERROR_CODES.unavailable, 'Try again shortly.');
    }
    if (permissions === null)
      throw new RealtimeRefusal(REALTIME_ERROR_CODES.unknownChannel, 'Unknown channel.');
    if (!has(permissions, PERMISSIONS.SEND_MESSAGES)) {
      throw new RealtimeRefusal(
        REALTIME_ERROR_CODES.missingPermission,
        'You need the SEND_MESSAGES permission.',
      );
    }
    const fresh = await this.store
      .claimTyping(identity.userId, channelId, this.config.REALTIME_TYPING_INTERVAL_SECONDS)
      .catch(() => true);
    if (!fresh) throw new RealtimeRefusal(REALTIME_ERROR_CODES.rateLimited, 'Typing was sent a moment ago.');
    const data: TypingStarted = {
      channelId,
      guildId: guildOfChannel(socket.data.session, channelId),
      userId: identity.userId,
      expiresAt: new Date(Date.now() + TYPING_TTL_MS).toISOString(),
    };
    const packet: RealtimePacket = {
      id: randomUUID(),
      type: 'typing.started',
      data,
      rooms: [rooms.channel(channelId)],
      exceptUserId: identity.userId,
      ephemeral: true,
    };
    this.node.toPeers(PEER_EVENTS.packet, packet);
    await this.fanOut.receive(packet);
    return { ok: true };
  }
}

function guildOfChannel(session: Session | undefined, channelId: string): string | null {
  for (const [guildId, channels] of session?.guildChannels ?? []) if (channels.has(channelId)) return guildId;
  return null;
}
