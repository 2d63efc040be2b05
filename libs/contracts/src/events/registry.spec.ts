import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENTS, EventValidationError, parseEvent } from './registry';
import { ALL_TOPICS } from '../topics';

function envelope(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type: 'platform.selftest',
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'test',
    key: 'k1',
    data: { sequence: 1 },
    ...overrides,
  };
}

describe('parseEvent', () => {
  it('accepts a well-formed event and returns its typed payload', () => {
    const event = parseEvent(envelope());
    expect(event.type).toBe('platform.selftest');
    if (event.type === 'platform.selftest') expect(event.data.sequence).toBe(1);
  });

  it('rejects a bad envelope naming the field', () => {
    expect(() => parseEvent(envelope({ id: 'not-a-uuid' }))).toThrow(/id:/);
  });

  it('rejects unknown types, wrong versions and bad payloads', () => {
    expect(() => parseEvent(envelope({ type: 'nope.nothing' }))).toThrow(EventValidationError);
    expect(() => parseEvent(envelope({ version: 2 }))).toThrow(/unsupported event version/);
    expect(() => parseEvent(envelope({ data: { sequence: -1 } }))).toThrow(/data\.sequence/);
  });
});

describe('EVENTS', () => {
  it('publishes every event type to a declared topic', () => {
    for (const definition of Object.values(EVENTS)) expect(ALL_TOPICS).toContain(definition.topic);
  });

  it("keeps a channel's messages, reactions and removal fence on one topic (ordered per channel key)", () => {
    // Kafka orders only within a topic and key: a reaction on another topic could overtake its message or
    // reach a member kicked just before (the gateway fences on channel.member.left).
    const fence = EVENTS['channel.member.left'].topic;
    for (const type of [
      'message.created',
      'message.deleted',
      'reaction.added',
      'reaction.removed',
    ] as const) {
      expect(EVENTS[type].topic).toBe(fence);
    }
  });
});
