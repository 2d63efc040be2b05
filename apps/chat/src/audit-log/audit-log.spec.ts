import { ServiceLogger } from '@bonfire/platform';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diffChanges } from './audit-log.dto';
import { AUDIT_LOG_PRUNE_INTERVAL_MS, AuditLogService } from './audit-log.service';
import { currentAuditLogReason, parseAuditLogReason, withAuditLogReason } from './audit-reason';

describe('X-Audit-Log-Reason', () => {
  it('decodes, strips control characters, trims and keeps at most 512 characters', () => {
    expect(parseAuditLogReason(undefined)).toBeNull();
    expect(parseAuditLogReason('   ')).toBeNull();
    expect(parseAuditLogReason(encodeURIComponent('spam & abuse ✓'))).toBe('spam & abuse ✓');
    expect(parseAuditLogReason('100%')).toBe('100%'); // not percent-encoding: taken as it is
    expect(parseAuditLogReason('a+b')).toBe('a+b');
    expect(parseAuditLogReason(encodeURIComponent(' two\nlines\u0000\u009b '))).toBe('two lines');
    expect(parseAuditLogReason('x'.repeat(600))).toHaveLength(512);
    expect([...parseAuditLogReason('😀'.repeat(600))!]).toHaveLength(512);
    expect(parseAuditLogReason(['a', 'b'])).toBe('a, b');
  });

  it('is the current request context', () => {
    expect(currentAuditLogReason()).toBeNull();
    expect(withAuditLogReason('why', () => currentAuditLogReason())).toBe('why');
  });
});

describe('diffChanges', () => {
  it('lists only the fields that changed', () => {
    expect(
      diffChanges(
        { id: '1', name: 'a', topic: null, tags: ['x'], createdAt: 't' },
        { id: '1', name: 'b', topic: null, tags: ['x', 'y'], createdAt: 't' },
      ),
    ).toEqual([
      { key: 'name', old: 'a', new: 'b' },
      { key: 'tags', old: ['x'], new: ['x', 'y'] },
    ]);
  });

  it('has only `new` on creation and only `old` on deletion', () => {
    expect(diffChanges(undefined, { id: '1', name: 'a', topic: null })).toEqual([
      { key: 'name', new: 'a' },
      { key: 'topic', new: null },
    ]);
    expect(diffChanges({ name: 'a' }, null)).toEqual([{ key: 'name', old: 'a' }]);
    expect(diffChanges(null, null)).toEqual([]);
  });
});

describe('AuditLogService retention timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prunes every interval once started, and not after shutdown', () => {
    vi.useFakeTimers();
    const service = new AuditLogService(
      {} as never,
      {} as never,
      {} as never,
      {} as never,
      {
        AUDIT_LOG_RETENTION_DAYS: 90,
      },
      new ServiceLogger('chat', 'silent'),
    );
    const prune = vi.spyOn(service, 'prune').mockResolvedValue(0);
    service.onModuleInit();
    vi.advanceTimersByTime(AUDIT_LOG_PRUNE_INTERVAL_MS * 2);
    expect(prune).toHaveBeenCalledTimes(2);
    service.onModuleDestroy();
    vi.advanceTimersByTime(AUDIT_LOG_PRUNE_INTERVAL_MS * 2);
    expect(prune).toHaveBeenCalledTimes(2);
  });
});
