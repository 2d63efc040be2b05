import { describe, expect, it } from 'vitest';
import type { VoiceConfig } from '../config';
import { type VoiceGrant, VoiceTokenService } from './voice-token.service';

const config = { VOICE_TOKEN_SECRET: 'a'.repeat(32), VOICE_TOKEN_TTL_SECONDS: 60 } as VoiceConfig;
const grant: VoiceGrant = {
  userId: '11',
  guildId: '22',
  channelId: '33',
  sessionId: 'session-1',
  nodeId: 'node-a',
};

describe('VoiceTokenService', () => {
  const tokens = new VoiceTokenService(config);

  it('round-trips the grant (user, channel, session, node)', async () => {
    expect(await tokens.verify(await tokens.sign(grant))).toEqual(grant);
  });

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const token = await tokens.sign(grant, Date.now() - 61_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token signed with another secret, a tampered one and a missing one', async () => {
    const other = new VoiceTokenService({ ...config, VOICE_TOKEN_SECRET: 'b'.repeat(32) });
    await expect(tokens.verify(await other.sign(grant))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const token = await tokens.sign(grant);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '99', cid: '33', sid: 'x', nid: 'node-a' })).toString(
      'base64url',
    );
    await expect(tokens.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    await expect(tokens.verify(undefined)).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
  });
});
