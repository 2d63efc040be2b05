import { VOICE_ERROR_CODES, type VoiceErrorCode } from '@bonfire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { VOICE_CONFIG, type VoiceConfig } from '../config';

const ISSUER = 'bonfire-voice';
const AUDIENCE = 'bonfire-voice-signaling';

/** What a voice token grants: this user's session in this channel, on this node. */
export interface VoiceGrant {
  userId: string;
  guildId: string | null;
  channelId: string;
  sessionId: string;
  nodeId: string;
}

export class VoiceTokenError extends Error {
  constructor(readonly code: VoiceErrorCode) {
    super(code);
    this.name = 'VoiceTokenError';
  }
}

/**
 * Short-lived HS256 tokens (VOICE_TOKEN_TTL_SECONDS, ~60 s) handed out by the join and presented in the
 * signaling handshake. Every voice node shares VOICE_TOKEN_SECRET, so the node that answered the join
 * need not be the node that hosts the room.
 */
@Injectable()
export class VoiceTokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(VOICE_CONFIG) private readonly config: VoiceConfig) {
    this.key = new TextEncoder().encode(config.VOICE_TOKEN_SECRET);
  }

  get ttlSeconds(): number {
    return this.config.VOICE_TOKEN_TTL_SECONDS;
  }

  sign(grant: VoiceGrant, now = Date.now()): Promise<string> {
    const issuedAt = Math.floor(now / 1000);
    return new SignJWT({ cid: grant.channelId, gid: grant.guildId, sid: grant.sessionId, nid: grant.nodeId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(grant.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.config.VOICE_TOKEN_TTL_SECONDS)
      .sign(this.key);
  }

  /** The grant of an authentic, unexpired token; throws VoiceTokenError (TOKEN_INVALID / TOKEN_EXPIRED). */
  async verify(token: unknown, now = Date.now()): Promise<VoiceGrant> {
    if (typeof token !== 'string' || token === '') throw new VoiceTokenError(VOICE_ERROR_CODES.tokenMissing);
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(now),
      });
      const { sub, cid, gid, sid, nid } = payload;
      if (
        typeof sub !== 'string' ||
        typeof cid !== 'string' ||
        (gid !== null && typeof gid !== 'string') ||
        typeof sid !== 'string' ||
        typeof nid !== 'string'
      ) {
        throw new VoiceTokenError(VOICE_ERROR_CODES.tokenInvalid);
      }
      return { userId: sub, channelId: cid, guildId: gid, sessionId: sid, nodeId: nid };
    } catch (error) {
      if (error instanceof VoiceTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new VoiceTokenError(VOICE_ERROR_CODES.tokenExpired);
      throw new VoiceTokenError(VOICE_ERROR_CODES.tokenInvalid);
    }
  }
}
