import {
  memberVoiceStateUpdateSchema,
  parseAuditLogReason,
  type MemberVoiceStateUpdate,
  selfVoiceStateUpdateSchema,
  type SelfVoiceStateUpdate,
  voiceJoinRequestSchema,
  type VoiceJoinRequest,
  type VoiceJoinResponse,
  type VoiceState,
  voiceStateSchema,
} from '@bonfire/contracts';
import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { Body, Controller, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { VoiceStatesService } from './voice-states.service';

type WithAuditLogReason = { headers: Record<string, string | string[] | undefined> };

/** The optional X-Audit-Log-Reason of a move or disconnect, for chat's audit log (voice.member.moderated). */
const auditLogReason = (req: WithAuditLogReason) => parseAuditLogReason(req.headers['x-audit-log-reason']);

@ApiTags('voice')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class VoiceStatesController {
  constructor(private readonly states: VoiceStatesService) {}

  @Endpoint({
    method: 'POST',
    path: 'channels/:channelId/voice',
    summary:
      'Join a voice channel (CONNECT; the channel user limit unless you have MOVE_MEMBERS). Replaces your ' +
      'voice state elsewhere. Answers the signaling endpoint of the node hosting the room and a short-lived ' +
      'voice token for its handshake.',
    body: voiceJoinRequestSchema,
    response: z.object({
      endpoint: z.string(),
      token: z.string(),
      expiresInSeconds: z.number().int(),
      state: voiceStateSchema,
    }),
    errors: {
      400: 'VALIDATION_FAILED, NOT_VOICE_CHANNEL',
      403: 'MISSING_PERMISSION, VOICE_CHANNEL_FULL',
      404: 'UNKNOWN_CHANNEL',
      503: 'VOICE_UNAVAILABLE',
    },
  })
  join(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
    @Body(new ZodValidationPipe(voiceJoinRequestSchema)) body: VoiceJoinRequest,
  ): Promise<VoiceJoinResponse> {
    return this.states.join(caller.userId, channelId, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'channels/:channelId/voice-states',
    summary: 'Who is in a voice channel you can see.',
    response: z.array(voiceStateSchema),
    errors: { 404: 'UNKNOWN_CHANNEL' },
  })
  channelStates(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
  ): Promise<VoiceState[]> {
    return this.states.inChannel(caller.userId, channelId);
  }

  @Endpoint({
    method: 'PATCH',
    path: 'users/@me/voice-state',
    summary: 'Self mute / self deafen.',
    body: selfVoiceStateUpdateSchema,
    response: voiceStateSchema,
    errors: { 400: 'VALIDATION_FAILED', 404: 'UNKNOWN_VOICE_STATE' },
  })
  updateSelf(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(selfVoiceStateUpdateSchema)) body: SelfVoiceStateUpdate,
  ): Promise<VoiceState> {
    return this.states.updateSelf(caller.userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'users/@me/voice-state',
    summary: 'Leave voice.',
    responseDescription: 'Left (or was not in) voice.',
    errors: { 404: 'UNKNOWN_VOICE_STATE' },
  })
  async leave(@Caller() caller: CallerIdentity): Promise<void> {
    await this.states.leaveSelf(caller.userId);
  }

  @Endpoint({
    method: 'GET',
    path: 'guilds/:guildId/voice-states',
    summary: 'Who is in which voice channel of a guild (channels you can see).',
    response: z.array(voiceStateSchema),
    errors: { 404: 'UNKNOWN_GUILD' },
  })
  guildStates(@Caller() caller: CallerIdentity, @Param('guildId') guildId: string): Promise<VoiceState[]> {
    return this.states.inGuild(caller.userId, guildId);
  }

  // At least one field (the schema's refinement, which JSON Schema states as minProperties).
  @Endpoint({
    method: 'PATCH',
    path: 'guilds/:guildId/voice-states/:userId',
    summary:
      'Server mute (MUTE_MEMBERS), server deafen (DEAFEN_MEMBERS) or move to another voice channel ' +
      '(MOVE_MEMBERS; the member must be allowed to CONNECT there).',
    body: memberVoiceStateUpdateSchema,
    response: voiceStateSchema,
    errors: {
      400: 'VALIDATION_FAILED, NOT_VOICE_CHANNEL',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_VOICE_STATE, UNKNOWN_CHANNEL',
    },
  })
  moderate(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(memberVoiceStateUpdateSchema)) body: MemberVoiceStateUpdate,
    @Req() req: WithAuditLogReason,
  ): Promise<VoiceState> {
    return this.states.moderate(caller.userId, guildId, userId, body, auditLogReason(req));
  }

  @Endpoint({
    method: 'DELETE',
    path: 'guilds/:guildId/voice-states/:userId',
    summary: 'Disconnect a member from voice (MOVE_MEMBERS).',
    responseDescription: 'Disconnected.',
    errors: { 403: 'MISSING_PERMISSION', 404: 'UNKNOWN_VOICE_STATE' },
  })
  async disconnect(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
    @Param('userId') userId: string,
    @Req() req: WithAuditLogReason,
  ): Promise<void> {
    await this.states.disconnect(caller.userId, guildId, userId, auditLogReason(req));
  }
}
