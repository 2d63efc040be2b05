import { loadConfig } from '@bonfire/platform';
import { describe, expect, it } from 'vitest';
import { voiceConfigSchema } from './config';

const base = {
  VOICE_TOKEN_SECRET: 's'.repeat(32),
  CHAT_URL: 'http://127.0.0.1:8082',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092',
  INTERNAL_IDENTITY_SECRET: 'i'.repeat(32),
};

describe('voice config', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig('voice', voiceConfigSchema, base);
    expect(config).toMatchObject({
      VOICE_PORT: 8086,
      VOICE_SIGNALING_PORT: 8087,
      VOICE_RTC_LISTEN_IP: '127.0.0.1',
      VOICE_RTC_MIN_PORT: 40_000,
      VOICE_RTC_MAX_PORT: 49_999,
      VOICE_RTC_UDP: true,
      VOICE_RTC_TCP: true,
      VOICE_TOKEN_TTL_SECONDS: 60,
      VOICE_MAX_CONSUMERS_PER_ROUTER: 500,
      VOICE_WORKER_LOG_TAGS: [],
    });
    expect(config.VOICE_WORKERS).toBeGreaterThan(0);
    expect(config.VOICE_PUBLIC_URL).toBeUndefined();
    expect(config.VOICE_SIGNALING_HOST).toBeUndefined();
  });

  it('refuses signaling on the internal port (it has its own public listener)', () => {
    expect(() =>
      loadConfig('voice', voiceConfigSchema, { ...base, VOICE_PORT: '9000', VOICE_SIGNALING_PORT: '9000' }),
    ).toThrow(/VOICE_SIGNALING_PORT: must differ from VOICE_PORT/);
    // Another address may take the same port number; port 0 (tests) picks a free one for each.
    for (const apart of [
      { VOICE_PORT: '9000', VOICE_SIGNALING_PORT: '9000', VOICE_SIGNALING_HOST: '0.0.0.0' },
      { VOICE_PORT: '0', VOICE_SIGNALING_PORT: '0' },
    ]) {
      expect(() => loadConfig('voice', voiceConfigSchema, { ...base, ...apart })).not.toThrow();
    }
    expect(() => loadConfig('voice', voiceConfigSchema, { ...base, VOICE_SIGNALING_PORT: '70000' })).toThrow(
      /VOICE_SIGNALING_PORT/,
    );
  });

  it('names every bad network setting at boot', () => {
    expect(() =>
      loadConfig('voice', voiceConfigSchema, { ...base, VOICE_RTC_LISTEN_IP: 'localhost' }),
    ).toThrow(/VOICE_RTC_LISTEN_IP/);
    expect(() =>
      loadConfig('voice', voiceConfigSchema, {
        ...base,
        VOICE_RTC_MIN_PORT: '50000',
        VOICE_RTC_MAX_PORT: '40000',
      }),
    ).toThrow(/VOICE_RTC_MAX_PORT: must not be below VOICE_RTC_MIN_PORT/);
    expect(() =>
      loadConfig('voice', voiceConfigSchema, { ...base, VOICE_RTC_UDP: 'false', VOICE_RTC_TCP: 'false' }),
    ).toThrow(/VOICE_RTC_UDP/);
    expect(() => loadConfig('voice', voiceConfigSchema, { ...base, VOICE_TOKEN_SECRET: 'short' })).toThrow(
      /VOICE_TOKEN_SECRET/,
    );
  });

  it('needs Redis and Kafka only in the distributed shape', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...embedded } = base;
    const standalone = loadConfig('voice', voiceConfigSchema, { ...embedded, BONFIRE_MODE: 'standalone' });
    expect(standalone.BONFIRE_MODE).toBe('standalone');
    expect(standalone.REDIS_URL).toBeUndefined();
    expect(standalone.KAFKA_BROKERS).toBeUndefined();
    expect(() => loadConfig('voice', voiceConfigSchema, embedded)).toThrow(
      /REDIS_URL: missing \(required when BONFIRE_MODE=distributed\)/,
    );
    expect(() => loadConfig('voice', voiceConfigSchema, embedded)).toThrow(/KAFKA_BROKERS: missing/);
  });

  it('reads the worker binary path mediasoup uses, when set', () => {
    expect(loadConfig('voice', voiceConfigSchema, base).MEDIASOUP_WORKER_BIN).toBeUndefined();
    const config = loadConfig('voice', voiceConfigSchema, {
      ...base,
      MEDIASOUP_WORKER_BIN: '/opt/mediasoup-worker',
    });
    expect(config.MEDIASOUP_WORKER_BIN).toBe('/opt/mediasoup-worker');
  });
});
