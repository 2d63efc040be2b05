import type { VoiceMediaSource } from '@bonfire/contracts';
import type { DeviceLike, MediaTrackLike, ProduceOptions } from './ports';

/** Camera simulcast layers, lowest first (a 640×480 camera sends 160×120, 320×240 and 640×480). */
export const CAMERA_SIMULCAST_ENCODINGS = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];
const CAMERA_SINGLE_ENCODING = [{ maxBitrate: 1_200_000 }];
/** Screen content: one sharp layer (text must stay readable), a low frame rate is fine. */
const SCREEN_ENCODINGS = [{ maxBitrate: 2_500_000, maxFramerate: 30 }];

/** The device's VP8 codec (the router offers VP8 for video), to pin video producers to it. */
export function vp8Codec(rtpCapabilities: Record<string, unknown>): Record<string, unknown> | undefined {
  const codecs = (rtpCapabilities['codecs'] ?? []) as { mimeType?: unknown }[];
  return codecs.find(
    (codec) => typeof codec.mimeType === 'string' && codec.mimeType.toLowerCase() === 'video/vp8',
  ) as Record<string, unknown> | undefined;
}

/** How to produce `source`: sound as it comes; camera and screen as VP8 with their encodings. */
export function produceOptions(
  device: DeviceLike | null,
  source: VoiceMediaSource,
  track: MediaTrackLike,
  simulcast: boolean,
): ProduceOptions {
  const appData = { source };
  if (source !== 'camera' && source !== 'screen') return { track, appData };
  const codec = device ? vp8Codec(device.rtpCapabilities) : undefined;
  const encodings =
    source === 'screen' ? SCREEN_ENCODINGS : simulcast ? CAMERA_SIMULCAST_ENCODINGS : CAMERA_SINGLE_ENCODING;
  return {
    track,
    ...(codec ? { codec } : {}),
    encodings: encodings.map((encoding) => ({ ...encoding })),
    codecOptions: { videoGoogleStartBitrate: 1000 },
    appData,
  };
}
