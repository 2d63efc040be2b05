import type { ColumnType, Generated } from 'kysely';

/** One data export job of a user (0014_data_exports); `expired` is not stored: a ready row past expires_at. */
export interface DataExportsTable {
  id: string;
  userId: string;
  status: ColumnType<DataExportRowStatus, DataExportRowStatus | undefined, DataExportRowStatus>;
  progress: ColumnType<number, number | undefined, number>;
  /** Times a worker took the job (a crash mid-way leaves it running; it is taken again after its lease). */
  attempts: ColumnType<number, number | undefined, number>;
  /** The archive in the file service, once ready. */
  fileId: string | null;
  size: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  expiresAt: Date | null;
  error: string | null;
  createdAt: Generated<Date>;
  /** Renewed by the running worker; a running job whose heartbeat is older than the lease is taken again. */
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

export type DataExportRowStatus = 'pending' | 'running' | 'ready' | 'failed';
