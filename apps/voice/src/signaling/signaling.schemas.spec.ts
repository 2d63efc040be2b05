import { describe, expect, it } from 'vitest';
import { CLIENT_EVENT_SCHEMAS, describeIssues } from './signaling.schemas';

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
});
