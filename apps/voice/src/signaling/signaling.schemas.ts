import { VOICE_MEDIA_SOURCES, type VoiceClientEvent, type VoiceClientEvents } from '@bonfire/contracts';
import { z } from 'zod';

/** mediasoup's parameters nest a few levels; it clones them recursively, so deeper JSON is refused first. */
export const MEDIA_JSON_MAX_DEPTH = 12;

/** Whether objects and arrays in `value` nest deeper than `limit` levels (iterative: no stack to overflow). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

const mediaJson = z
  .record(z.string(), z.unknown())
  .refine((value) => !nestsDeeperThan(value, MEDIA_JSON_MAX_DEPTH), {
    message: `must not nest deeper than ${MEDIA_JSON_MAX_DEPTH} levels`,
  });
const mediasoupId = z.string().min(1).max(64);

/**
 * The request of every client event, checked before it reaches mediasoup (which checks the media JSON).
 * Strict: a field the protocol does not have is refused, like a misspelt one.
 */
export const CLIENT_EVENT_SCHEMAS: { [E in VoiceClientEvent]: z.ZodType<VoiceClientEvents[E]['request']> } = {
  join: z.strictObject({ rtpCapabilities: mediaJson }),
  'transport.create': z.strictObject({ direction: z.enum(['send', 'recv']) }),
  'transport.connect': z.strictObject({ transportId: mediasoupId, dtlsParameters: mediaJson }),
  'transport.restartIce': z.strictObject({ transportId: mediasoupId }),
  produce: z.strictObject({
    transportId: mediasoupId,
    kind: z.enum(['audio', 'video']),
    rtpParameters: mediaJson,
    source: z.enum(VOICE_MEDIA_SOURCES),
  }),
  'producer.pause': z.strictObject({ producerId: mediasoupId }),
  'producer.resume': z.strictObject({ producerId: mediasoupId }),
  'producer.close': z.strictObject({ producerId: mediasoupId }),
  consume: z.strictObject({ transportId: mediasoupId, producerId: mediasoupId }),
  'consumer.pause': z.strictObject({ consumerId: mediasoupId }),
  'consumer.resume': z.strictObject({ consumerId: mediasoupId }),
  'consumer.close': z.strictObject({ consumerId: mediasoupId }),
};

/** A readable one-line summary of what was wrong with a request. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`).join('; ');
}
