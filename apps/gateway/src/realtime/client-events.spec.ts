import { describe, expect, it } from 'vitest';
import { CLIENT_EVENT_SCHEMAS, describeIssues } from './client-events';

describe('realtime client event payloads', () => {
  it('accepts the protocol payloads', () => {
    expect(CLIENT_EVENT_SCHEMAS['presence.idle'].safeParse({ idle: false }).success).toBe(true);
    expect(CLIENT_EVENT_SCHEMAS['typing.start'].safeParse({ channelId: '9223372036854775807' }).success).toBe(
      true,
    );
    expect(CLIENT_EVENT_SCHEMAS['auth.refresh'].safeParse({ token: 'a.b.c' }).success).toBe(true);
  });

  it('refuses missing, mistyped, out-of-range and extra fields, naming them', () => {
    const refused = [
      CLIENT_EVENT_SCHEMAS['presence.idle'].safeParse(undefined),
      CLIENT_EVENT_SCHEMAS['presence.idle'].safeParse({ idle: 'yes' }),
      CLIENT_EVENT_SCHEMAS['presence.idle'].safeParse({ idle: true, extra: 1 }),
      CLIENT_EVENT_SCHEMAS['typing.start'].safeParse({ channelId: '9223372036854775808' }),
      CLIENT_EVENT_SCHEMAS['typing.start'].safeParse({ channelId: '1\u0000' }),
      CLIENT_EVENT_SCHEMAS['typing.start'].safeParse(JSON.parse('{"channelId":"1","__proto__":{"a":1}}')),
      CLIENT_EVENT_SCHEMAS['auth.refresh'].safeParse({ token: 'x'.repeat(10_000) }),
      CLIENT_EVENT_SCHEMAS['auth.refresh'].safeParse([{ token: 'a' }]),
    ];
    for (const result of refused) expect(result.success).toBe(false);
    const idle = CLIENT_EVENT_SCHEMAS['presence.idle'].safeParse({ idle: 'yes' });
    expect(!idle.success && describeIssues(idle.error)).toMatch(/^idle: /);
  });
});
