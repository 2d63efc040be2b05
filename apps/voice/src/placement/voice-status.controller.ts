import { Endpoint } from '@bonfire/platform';
import { type VoiceStatus, voiceStatusSchema } from '@bonfire/contracts';
import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NodeRegistry } from './node-registry';

@ApiTags('voice')
@ApiBearerAuth('accessToken')
@Controller('api/v1/voice')
export class VoiceStatusController {
  constructor(private readonly registry: NodeRegistry) {}

  @Endpoint({
    method: 'GET',
    path: 'status',
    summary:
      'Whether voice channels can be joined. `available: false` when no voice server can host a room (e.g. ' +
      'the mediasoup worker of this server is not built): joins answer 503 VOICE_UNAVAILABLE, and clients ' +
      'show voice channels as unavailable with `message`.',
    response: voiceStatusSchema,
  })
  status(): Promise<VoiceStatus> {
    return this.registry.status();
  }
}
