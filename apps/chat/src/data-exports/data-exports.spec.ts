import { describe, expect, it } from 'vitest';
import type { DataExportRow } from './data-exports.repository';
import { duration, toDataExport } from './data-exports.service';
import { safeName } from './export-archive.builder';

const row = (change: Partial<DataExportRow>): DataExportRow => ({
  id: '1',
  userId: '2',
  status: 'ready',
  progress: 100,
  attempts: 1,
  fileId: '3',
  size: '1234',
  expiresAt: new Date('2026-12-10T00:00:00Z'),
  error: null,
  createdAt: new Date('2026-12-03T00:00:00Z'),
  heartbeatAt: null,
  finishedAt: null,
  ...change,
});

describe('data export view', () => {
  it('offers the download of a ready export until it expires, then says expired', () => {
    expect(toDataExport(row({}), new Date('2026-12-05T00:00:00Z'))).toEqual({
      id: '1',
      status: 'ready',
      progress: 100,
      createdAt: '2026-12-03T00:00:00.000Z',
      expiresAt: '2026-12-10T00:00:00.000Z',
      fileId: '3',
      downloadUrl: '/api/v1/attachments/3',
      size: 1234,
    });
    expect(toDataExport(row({}), new Date('2026-12-10T00:00:00Z'))).toMatchObject({
      status: 'expired',
      fileId: null,
      downloadUrl: null,
    });
    expect(
      toDataExport(row({ status: 'running', progress: 40, fileId: null, size: null, expiresAt: null })),
    ).toMatchObject({
      status: 'running',
      progress: 40,
      downloadUrl: null,
      size: null,
    });
  });

  it('says how long to wait in words', () => {
    expect(duration(86_400)).toBe('24 hours');
    expect(duration(3_601)).toBe('2 hours');
    expect(duration(3_600)).toBe('1 hour');
    expect(duration(61)).toBe('2 minutes');
    expect(duration(1)).toBe('1 second');
  });

  it('makes attachment names safe as archive paths', () => {
    expect(safeName('report final.bin')).toBe('report final.bin');
    expect(safeName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeName('a\u0000b\\c:d')).toBe('a_b_c_d');
    expect(safeName('')).toBe('file');
  });
});
