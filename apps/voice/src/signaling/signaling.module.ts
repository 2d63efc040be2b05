import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { EventsModule } from '../events/events.module';
import { RoomsModule } from '../rooms/rooms.module';
import { TokensModule } from '../tokens/tokens.module';
import { VoiceStatesModule } from '../voice-states/voice-states.module';
import { SignalingServer } from './signaling.server';

@Module({
  imports: [ChatModule, EventsModule, RoomsModule, TokensModule, VoiceStatesModule],
  providers: [SignalingServer],
  exports: [SignalingServer],
})
export class SignalingModule {}
