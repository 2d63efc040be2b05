import type { BonfireMode } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { EventsModule } from '../events/events.module';
import { RoomsModule } from '../rooms/rooms.module';
import { TokensModule } from '../tokens/tokens.module';
import { VoiceStatesModule } from '../voice-states/voice-states.module';
import { SignalingExceptionFilter } from './signaling-exception.filter';
import { SignalingGateway } from './signaling.gateway';
import { SignalingOperations } from './signaling-operations';
import { SignalingServer } from './signaling.server';

@Module({})
export class SignalingModule {
  static forRoot(mode: BonfireMode): DynamicModule {
    return {
      module: SignalingModule,
      imports: [ChatModule, EventsModule, RoomsModule, TokensModule, VoiceStatesModule.forRoot(mode)],
      providers: [SignalingServer, SignalingOperations, SignalingGateway, SignalingExceptionFilter],
      exports: [SignalingServer],
    };
  }
}
