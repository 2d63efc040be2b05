import type { BonfireMode } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { RoomsModule } from '../rooms/rooms.module';
import { InMemoryVoiceNodeStore } from './memory-voice-node.store';
import { NodeRegistry } from './node-registry';
import { RedisVoiceNodeStore } from './redis-voice-node.store';
import { VoiceNodeStore } from './voice-node.store';
import { VoiceStatusController } from './voice-status.controller';

@Module({})
export class PlacementModule {
  static forRoot(mode: BonfireMode): DynamicModule {
    return {
      module: PlacementModule,
      imports: [RoomsModule],
      controllers: [VoiceStatusController],
      providers: [
        {
          provide: VoiceNodeStore,
          useClass: mode === 'standalone' ? InMemoryVoiceNodeStore : RedisVoiceNodeStore,
        },
        NodeRegistry,
      ],
      exports: [NodeRegistry],
    };
  }
}
