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
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { VoiceStatesService } from './voice-states.service';

const errorSchema = openApiSchema(errorBodySchema);

type WithAuditLogReason = { headers: Record<string, string | string[] | undefined> };

/** The optional X-Audit-Log-Reason of a move or disconnect, for chat's audit log (voice.member.moderated). */
const auditLogReason = (req: WithAuditLogReason) => parseAuditLogReason(req.headers['x-audit-log-reason']);
const statesSchema = openApiSchema(z.array(voiceStateSchema));
const joinResponseSchema = openApiSchema(
  z.object({
    endpoint: z.string(),
    token: z.string(),
    expiresInSeconds: z.number().int(),
    state: voiceStateSchema,
  }),
);

@ApiTags('voice')
@ApiBearerAuth('accessToken')
@Controller('api/v1')
export class VoiceStatesController {
  constructor(private readonly states: VoiceStatesService) {}

  @Post('channels/:channelId/voice')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Join a voice channel (CONNECT; the channel user limit unless you have MOVE_MEMBERS). Replaces your ' +
      'voice state elsewhere. Answers the signaling endpoint of the node hosting the room and a short-lived ' +
      'voice token for its handshake.',
  })
  @ApiBody({ schema: openApiSchema(voiceJoinRequestSchema, 'input') })
  @ApiResponse({ status: 200, schema: joinResponseSchema })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, NOT_VOICE_CHANNEL', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, VOICE_CHANNEL_FULL', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errorSchema })
  @ApiResponse({ status: 503, description: 'VOICE_UNAVAILABLE', schema: errorSchema })
  join(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
    @Body(new ZodValidationPipe(voiceJoinRequestSchema)) body: VoiceJoinRequest,
  ): Promise<VoiceJoinResponse> {
    return this.states.join(caller.userId, channelId, body);
  }

  @Get('channels/:channelId/voice-states')
  @ApiOperation({ summary: 'Who is in a voice channel you can see.' })
  @ApiResponse({ status: 200, schema: statesSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errorSchema })
  channelStates(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
  ): Promise<VoiceState[]> {
    return this.states.inChannel(caller.userId, channelId);
  }

  @Patch('users/@me/voice-state')
  @ApiOperation({ summary: 'Self mute / self deafen.' })
  @ApiBody({ schema: openApiSchema(selfVoiceStateUpdateSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(voiceStateSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_VOICE_STATE', schema: errorSchema })
  updateSelf(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(selfVoiceStateUpdateSchema)) body: SelfVoiceStateUpdate,
  ): Promise<VoiceState> {
    return this.states.updateSelf(caller.userId, body);
  }

  @Delete('users/@me/voice-state')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave voice.' })
  @ApiResponse({ status: 204, description: 'Left (or was not in) voice.' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_VOICE_STATE', schema: errorSchema })
  async leave(@Caller() caller: CallerIdentity): Promise<void> {
    await this.states.leaveSelf(caller.userId);
  }

  @Get('guilds/:guildId/voice-states')
  @ApiOperation({ summary: 'Who is in which voice channel of a guild (channels you can see).' })
  @ApiResponse({ status: 200, schema: statesSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_GUILD', schema: errorSchema })
  guildStates(@Caller() caller: CallerIdentity, @Param('guildId') guildId: string): Promise<VoiceState[]> {
    return this.states.inGuild(caller.userId, guildId);
  }

  @Patch('guilds/:guildId/voice-states/:userId')
  @ApiOperation({
    summary:
      'Server mute (MUTE_MEMBERS), server deafen (DEAFEN_MEMBERS) or move to another voice channel ' +
      '(MOVE_MEMBERS; the member must be allowed to CONNECT there).',
  })
  // At least one field (the schema's refinement, which JSON Schema states as minProperties).
  @ApiBody({ schema: { ...openApiSchema(memberVoiceStateUpdateSchema, 'input'), minProperties: 1 } })
  @ApiResponse({ status: 200, schema: openApiSchema(voiceStateSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, NOT_VOICE_CHANNEL', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_VOICE_STATE, UNKNOWN_CHANNEL', schema: errorSchema })
  moderate(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
    @Param('userId') userId: string,
    @Body(new ZodValidationPipe(memberVoiceStateUpdateSchema)) body: MemberVoiceStateUpdate,
    @Req() req: WithAuditLogReason,
  ): Promise<VoiceState> {
    return this.states.moderate(caller.userId, guildId, userId, body, auditLogReason(req));
  }

  @Delete('guilds/:guildId/voice-states/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disconnect a member from voice (MOVE_MEMBERS).' })
  @ApiResponse({ status: 204, description: 'Disconnected.' })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_VOICE_STATE', schema: errorSchema })
  async disconnect(
    @Caller() caller: CallerIdentity,
    @Param('guildId') guildId: string,
    @Param('userId') userId: string,
    @Req() req: WithAuditLogReason,
  ): Promise<void> {
    await this.states.disconnect(caller.userId, guildId, userId, auditLogReason(req));
  }
}
