import { describe, expect, it } from 'vitest';
import {
  CLIENT_EVENT_SCHEMAS,
  describeIssues,
  MEDIA_JSON_MAX_DEPTH,
  nestsDeeperThan,
} from './signaling.schemas';

describe('signaling request schemas', () => {
  it('accepts well-formed requests', () => {
    expect(CLIENT_EVENT_SCHEMAS['transport.create'].safeParse({ direction: 'send' }).success).toBe(true);
    const produce = { transportId: 't1', kind: 'audio', rtpParameters: { codecs: [] }, source: 'microphone' };
    expect(CLIENT_EVENT_SCHEMAS.produce.safeParse(produce).success).toBe(true);
  });

  it('refuses bad directions, sources, missing ids and non-object media JSON, naming the field', () => {
    const direction = CLIENT_EVENT_SCHEMAS['transport.create'].safeParse({ direction: 'both' });
    expect(direction.success).toBe(false);
    if (!direction.success) expect(describeIssues(direction.error)).toMatch(/^direction:/);
    const produce = CLIENT_EVENT_SCHEMAS.produce.safeParse({
      transportId: 't1',
      kind: 'audio',
      rtpParameters: 'opus',
      source: 'tv',
    });
    expect(produce.success).toBe(false);
    if (!produce.success)
      expect(describeIssues(produce.error)).toMatch(/rtpParameters.*source|source.*rtpParameters/);
    expect(CLIENT_EVENT_SCHEMAS.consume.safeParse({ transportId: '', producerId: 'p' }).success).toBe(false);
    expect(CLIENT_EVENT_SCHEMAS['consumer.resume'].safeParse(null).success).toBe(false);
  });

  it('refuses media JSON nested deeper than mediasoup ever nests (it clones recursively)', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 50_000; level++) deep = { a: deep };
    expect(nestsDeeperThan(deep, MEDIA_JSON_MAX_DEPTH)).toBe(true);
    const refused = CLIENT_EVENT_SCHEMAS.join.safeParse({ rtpCapabilities: deep });
    expect(!refused.success && describeIssues(refused.error)).toMatch(/^rtpCapabilities: must not nest/);
    const codecs = {
      codecs: [{ mimeType: 'audio/opus', parameters: { useinbandfec: 1 }, rtcpFeedback: [{}] }],
    };
    expect(CLIENT_EVENT_SCHEMAS.join.safeParse({ rtpCapabilities: codecs }).success).toBe(true);
  });

  it('refuses fields the protocol does not have', () => {
    const extra = CLIENT_EVENT_SCHEMAS['transport.create'].safeParse({ direction: 'send', extra: 1 });
    expect(extra.success).toBe(false);
    const polluted = JSON.parse('{"producerId":"p","__proto__":{"admin":true}}') as unknown;
    expect(CLIENT_EVENT_SCHEMAS['producer.pause'].safeParse(polluted).success).toBe(false);
  });
});
