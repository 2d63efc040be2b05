import { VOICE_MEDIA_SOURCES, type VoiceClientEvent, type VoiceClientEvents } from '@bonfire/contracts';
import { z } from 'zod';

const mediaJson = z.record(z.string(), z.unknown());
const mediasoupId = z.string().min(1).max(64);

/** The request of every client event, checked before it reaches mediasoup (which checks the media JSON). */
export const CLIENT_EVENT_SCHEMAS: { [E in VoiceClientEvent]: z.ZodType<VoiceClientEvents[E]['request']> } = {
  join: z.object({ rtpCapabilities: mediaJson }),
  'transport.create': z.object({ direction: z.enum(['send', 'recv']) }),
  'transport.connect': z.object({ transportId: mediasoupId, dtlsParameters: mediaJson }),
  'transport.restartIce': z.object({ transportId: mediasoupId }),
  produce: z.object({
    transportId: mediasoupId,
    kind: z.enum(['audio', 'video']),
    rtpParameters: mediaJson,
    source: z.enum(VOICE_MEDIA_SOURCES),
  }),
  'producer.pause': z.object({ producerId: mediasoupId }),
  'producer.resume': z.object({ producerId: mediasoupId }),
  'producer.close': z.object({ producerId: mediasoupId }),
  consume: z.object({ transportId: mediasoupId, producerId: mediasoupId }),
  'consumer.pause': z.object({ consumerId: mediasoupId }),
  'consumer.resume': z.object({ consumerId: mediasoupId }),
  'consumer.close': z.object({ consumerId: mediasoupId }),
};

/** A readable one-line summary of what was wrong with a request. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`).join('; ');
}
