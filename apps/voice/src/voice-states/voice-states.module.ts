import type { BonfireMode } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { EventsModule } from '../events/events.module';
import { PlacementModule } from '../placement/placement.module';
import { RoomsModule } from '../rooms/rooms.module';
import { TokensModule } from '../tokens/tokens.module';
import { ChatEventsHandlers } from './chat-events.handlers';
import { InMemoryVoiceControl } from './memory-voice-control';
import { InMemoryVoiceStateStore } from './memory-voice-state.store';
import { RedisVoiceControl } from './redis-voice-control';
import { RedisVoiceStateStore } from './redis-voice-state.store';
import { VoiceControl } from './voice-control';
import { VoiceStateStore } from './voice-state.store';
import { VoiceStatesController } from './voice-states.controller';
import { VoiceStatesService } from './voice-states.service';
import { VoiceSweeper } from './voice-sweeper';

/**
 * One module per shape, whoever imports it (app, signaling): Nest 11 tells dynamic modules apart by
 * reference, and every importer must share the same store and control instances.
 */
const modules = new Map<BonfireMode, DynamicModule>();

@Module({})
export class VoiceStatesModule {
  /** Standalone: states and control in this process; distributed: in Redis, shared by the voice nodes. */
  static forRoot(mode: BonfireMode): DynamicModule {
    let module = modules.get(mode);
    if (!module) modules.set(mode, (module = VoiceStatesModule.create(mode)));
    return module;
  }

  private static create(mode: BonfireMode): DynamicModule {
    const standalone = mode === 'standalone';
    return {
      module: VoiceStatesModule,
      imports: [ChatModule, EventsModule, PlacementModule.forRoot(mode), RoomsModule, TokensModule],
      controllers: [VoiceStatesController, ChatEventsHandlers],
      providers: [
        { provide: VoiceStateStore, useClass: standalone ? InMemoryVoiceStateStore : RedisVoiceStateStore },
        { provide: VoiceControl, useClass: standalone ? InMemoryVoiceControl : RedisVoiceControl },
        VoiceStatesService,
        VoiceSweeper,
      ],
      exports: [VoiceStateStore, VoiceControl, VoiceStatesService],
    };
  }
}
