import { EventEmitter } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { HealthRegistry, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { VOICE_CONFIG, type VoiceConfig } from '../config';

/** One mediasoup worker process and the consumers its routers carry (the placement load). */
export interface WorkerSlot {
  index: number;
  worker: types.Worker;
  consumers: number;
  alive: boolean;
}

const RESTART_DELAY_MS = 500;

/** What clients are told when this node has no mediasoup worker binary (join and signaling: 503). */
const WORKER_MISSING_MESSAGE =
  'Voice is unavailable: the mediasoup worker of this server is not built. Install the Debian build ' +
  'packages listed in README.md (apt-get install -y meson ninja-build pkg-config g++ libssl-dev ' +
  'libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler), run ' +
  '`node tools/mediasoup/install-worker.mjs`, then restart the voice service.';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The node's mediasoup workers: VOICE_WORKERS processes (one per core by default), all sharing the RTC
 * port range. A worker that dies is reported (`died` with its slot: the rooms on it close and tell their
 * clients to reconnect) and replaced in the same slot. Without the worker binary (not built: see
 * tools/mediasoup) the pool starts no worker and says why in `unavailable`: the service still boots and
 * is ready, and everything that needs media answers 503 VOICE_UNAVAILABLE.
 */
@Injectable()
export class WorkerPool
  extends EventEmitter<{ died: [slot: WorkerSlot]; replaced: [slot: WorkerSlot] }>
  implements OnModuleInit, OnApplicationShutdown
{
  readonly slots: WorkerSlot[] = [];
  /** The worker binary mediasoup spawns (MEDIASOUP_WORKER_BIN, else the one in its package). */
  readonly binary: string;
  /** Why this node cannot host media (clients are told this), or null when it can. */
  readonly unavailable: string | null;
  private readonly logger;
  private closing = false;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    private readonly health: HealthRegistry,
    logger: ServiceLogger,
  ) {
    super();
    this.logger = logger.for('workers');
    this.binary = config.MEDIASOUP_WORKER_BIN ?? mediasoup.workerBin;
    this.unavailable = executable(this.binary) ? null : WORKER_MISSING_MESSAGE;
  }

  async onModuleInit(): Promise<void> {
    if (this.unavailable) {
      this.logger.warn({ binary: this.binary }, `no mediasoup worker binary: ${this.unavailable}`);
      return;
    }
    for (let index = 0; index < this.config.VOICE_WORKERS; index++) {
      this.slots.push(await this.spawn(index));
    }
    this.health.register('mediasoup-workers', async () => {
      const dead = this.slots.filter((slot) => !slot.alive).map((slot) => slot.index);
      if (dead.length > 0) throw new Error(`workers ${dead.join(', ')} are restarting`);
    });
  }

  /** The live worker carrying the fewest consumers, optionally avoiding some slots. */
  leastLoaded(exclude: ReadonlySet<number> = new Set()): WorkerSlot {
    const alive = this.slots.filter((slot) => slot.alive);
    if (alive.length === 0) throw new Error('no mediasoup worker is alive');
    const candidates = alive.filter((slot) => !exclude.has(slot.index));
    return (candidates.length > 0 ? candidates : alive).reduce((best, slot) =>
      slot.consumers < best.consumers ? slot : best,
    );
  }

  get totalConsumers(): number {
    return this.slots.reduce((sum, slot) => sum + slot.consumers, 0);
  }

  private async spawn(index: number): Promise<WorkerSlot> {
    const worker = await mediasoup.createWorker({
      logLevel: this.config.VOICE_WORKER_LOG_LEVEL,
      logTags: this.config.VOICE_WORKER_LOG_TAGS as types.WorkerLogTag[],
      rtcMinPort: this.config.VOICE_RTC_MIN_PORT,
      rtcMaxPort: this.config.VOICE_RTC_MAX_PORT,
      dtlsCertificateFile: this.config.VOICE_DTLS_CERTIFICATE_FILE,
      dtlsPrivateKeyFile: this.config.VOICE_DTLS_PRIVATE_KEY_FILE,
    });
    const slot: WorkerSlot = { index, worker, consumers: 0, alive: true };
    worker.on('died', (error) => this.onDied(slot, error));
    this.logger.info({ worker: index, pid: worker.pid }, 'mediasoup worker started');
    return slot;
  }

  private onDied(slot: WorkerSlot, error: Error): void {
    if (this.closing || !slot.alive) return;
    slot.alive = false;
    slot.consumers = 0;
    this.logger.error({ err: error, worker: slot.index, pid: slot.worker.pid }, 'mediasoup worker died');
    this.emit('died', slot);
    void this.replace(slot.index);
  }

  private async replace(index: number): Promise<void> {
    while (!this.closing) {
      try {
        const slot = await this.spawn(index);
        this.slots[index] = slot;
        this.emit('replaced', slot);
        return;
      } catch (error) {
        this.logger.error({ err: error, worker: index }, 'mediasoup worker could not be restarted');
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      }
    }
  }

  onApplicationShutdown(): void {
    this.closing = true;
    for (const slot of this.slots) slot.worker.close();
  }
}
