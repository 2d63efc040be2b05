import { Injectable } from '@nestjs/common';

export type HealthCheck = () => Promise<void>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { status: 'up' | 'down'; error?: string; durationMs: number }>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Dependencies register a readiness check here (Postgres, Redis, Kafka…). Readiness fails, naming the
 * dependency, when any check fails or times out, and as soon as the service starts draining.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private draining = false;

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  /**
   * A readiness check that fails with `reason` until the returned function is called — for start-up work
   * that finishes in the background, such as joining a Kafka consumer group.
   */
  registerPending(name: string, reason: string): () => void {
    let done = false;
    this.register(name, async () => {
      if (!done) throw new Error(reason);
    });
    return () => {
      done = true;
    };
  }

  markDraining(): void {
    this.draining = true;
  }

  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runCheck(check)] as const),
    );
    const checks: ReadinessReport['checks'] = Object.fromEntries(entries);
    if (this.draining)
      checks['shutdown'] = { status: 'down', error: 'service is shutting down', durationMs: 0 };
    return { ready: Object.values(checks).every((check) => check.status === 'up'), checks };
  }
}

async function runCheck(check: HealthCheck): Promise<ReadinessReport['checks'][string]> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'up', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      error: error instanceof Error ? error.message || error.name : String(error),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}
