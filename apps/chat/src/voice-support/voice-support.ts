import { ERROR, INTERNAL_ROUTES } from '@bonfire/contracts';
import type { VoiceChannelAccessAnswer } from '@bonfire/contracts';
import { AppError, Caller, type CallerIdentity } from '@bonfire/platform';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AccessService } from '../access/access.service';
import { ChannelsModule } from '../channels/channels.module';
import { ChannelsRepository } from '../channels/channels.repository';
import { ChatTransactions } from '../database/chat-transactions';

/**
 * Service-to-service route for the voice service (not in the gateway's routing table). Like every chat
 * route it requires the identity header and answers for that user only: the voice service signs the
 * identity of the member it admits (the caller joining, or the member a moderator moves).
 */
@ApiExcludeController()
@Controller(INTERNAL_ROUTES.voice.controller)
class VoiceSupportController {
  constructor(
    private readonly access: AccessService,
    private readonly channels: ChannelsRepository,
    private readonly transactions: ChatTransactions,
  ) {}

  /** Type, user limit and the caller's permissions in a channel they can see; 404 UNKNOWN_CHANNEL otherwise. */
  @Get(INTERNAL_ROUTES.voice.channelAccess)
  async channelAccess(
    @Caller() caller: CallerIdentity,
    @Param('channelId') channelId: string,
  ): Promise<VoiceChannelAccessAnswer> {
    const access = await this.access.channel(channelId, caller.userId);
    if (!access) throw new AppError(ERROR.UNKNOWN_CHANNEL, 'Unknown channel.');
    const row = await this.channels.find(this.transactions.executor, channelId);
    return {
      channelId,
      guildId: access.guildId,
      type: access.type,
      userLimit: row?.userLimit ?? null,
      permissions: String(access.permissions),
    };
  }
}

/** Internal route the voice service calls on each join and move. */
@Module({ imports: [ChannelsModule], controllers: [VoiceSupportController] })
export class VoiceSupportModule {}
