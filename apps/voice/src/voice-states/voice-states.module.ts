import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { EventsModule } from '../events/events.module';
import { PlacementModule } from '../placement/placement.module';
import { RoomsModule } from '../rooms/rooms.module';
import { TokensModule } from '../tokens/tokens.module';
import { MembersConsumer } from './members.consumer';
import { VoiceControl } from './voice-control';
import { VoiceStateStore } from './voice-state.store';
import { VoiceStatesController } from './voice-states.controller';
import { VoiceStatesService } from './voice-states.service';
import { VoiceSweeper } from './voice-sweeper';

@Module({
  imports: [ChatModule, EventsModule, PlacementModule, RoomsModule, TokensModule],
  controllers: [VoiceStatesController],
  providers: [VoiceStateStore, VoiceControl, VoiceStatesService, VoiceSweeper, MembersConsumer],
  exports: [VoiceStateStore, VoiceControl, VoiceStatesService],
})
export class VoiceStatesModule {}
