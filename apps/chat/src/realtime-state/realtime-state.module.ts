import { Module } from '@nestjs/common';
import { RealtimeStateController } from './realtime-state.controller';
import { RealtimeStateReads } from './realtime-state.reads';
import { RealtimeStateRepository } from './realtime-state.repository';
import { RealtimeStateService } from './realtime-state.service';

/** Internal routes the gateway's realtime edge calls: `ready` state, visible channels, permissions. */
@Module({
  controllers: [RealtimeStateController],
  providers: [RealtimeStateRepository, RealtimeStateReads, RealtimeStateService],
})
export class RealtimeStateModule {}
