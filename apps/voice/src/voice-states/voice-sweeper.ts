import { ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';
import { VOICE_NODE_ID } from '../core.module';
import { NodeRegistry } from '../placement/node-registry';
import { RoomsService } from '../rooms/rooms.service';
import { VoiceStateStore } from './voice-state.store';
import { VoiceStatesService } from './voice-states.service';

/**
 * Every VOICE_SWEEP_INTERVAL_MS: refresh this node's registration; remove the voice states of this node's
 * rooms whose client is not connected and whose deadline passed (never connected after the join, or gone
 * longer than the reconnect grace); and reap dead nodes (their registration expired): their states are
 * removed and their rooms unpinned, so the next join lands on a live node.
 */
@Injectable()
export class VoiceSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private readonly logger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    @Inject(VOICE_NODE_ID) private readonly nodeId: string,
    private readonly registry: NodeRegistry,
    private readonly rooms: RoomsService,
    private readonly store: VoiceStateStore,
    private readonly states: VoiceStatesService,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('sweeper');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.VOICE_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  sweep(now = Date.now()): Promise<void> {
    this.running ??= this.run(now)
      .catch((error: unknown) => this.logger.error({ err: error }, 'voice sweep failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async run(now: number): Promise<void> {
    await this.registry.heartbeat();
    for (const channelId of await this.registry.roomsOf(this.nodeId)) {
      // (No unpinning of empty channels here: a join pins before it writes its state, and unpinning in
      // between would split the room across nodes. The last state's end() unpins.)
      for (const state of await this.store.inChannel(channelId)) {
        if (state.expiresAt < now && !this.rooms.hasSession(state.sessionId)) {
          await this.states.end(state, { reason: 'left' });
        }
      }
    }
    for (const deadNodeId of await this.registry.deadNodeIds()) {
      if (deadNodeId === this.nodeId) continue;
      if (!(await this.registry.claimReaping(deadNodeId))) continue;
      const channels = await this.registry.roomsOf(deadNodeId);
      for (const channelId of channels) {
        for (const state of await this.store.inChannel(channelId)) {
          if (state.nodeId === deadNodeId) await this.states.end(state, { reason: 'disconnected' });
        }
      }
      await this.registry.forget(deadNodeId);
      this.logger.warn({ node: deadNodeId, rooms: channels.length }, 'reaped a dead voice node');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
