import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from './config';
import { SignalingListener } from './signaling/signaling-listener';
import { VoiceKeys } from './voice.keys';

/** This process's id among the voice nodes (placement registry, voice tokens). */
export const VOICE_NODE_ID = Symbol('VOICE_NODE_ID');

/**
 * What every feature module may inject: the validated config, the node id, the Redis key names (used
 * by the distributed shape's adapters only) and the public signaling listener.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: VoiceConfig): DynamicModule {
    const nodeId = config.VOICE_NODE_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    return {
      module: CoreModule,
      providers: [
        { provide: VOICE_CONFIG, useValue: config },
        { provide: VOICE_NODE_ID, useValue: nodeId },
        { provide: VoiceKeys, useValue: new VoiceKeys(config.VOICE_KEY_PREFIX) },
        SignalingListener,
      ],
      exports: [VOICE_CONFIG, VOICE_NODE_ID, VoiceKeys, SignalingListener],
    };
  }
}
