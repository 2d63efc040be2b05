import type { DataExport } from '@bonfire/contracts';
import type { RestClient } from '../rest-client';

const BASE = '/api/v1/users/@me/data-exports';

/**
 * Exports of my data: a ZIP (profile, guilds, DMs, my messages, my attachments with their files) built
 * in the background. Its progress reaches my own sessions as `data_export.updated` dispatches (or poll
 * `list()`); when `status` is `ready`, download it with `client.files.downloadAttachment(fileId)` (only I
 * can) until `expiresAt`.
 */
export class DataExportsApi {
  constructor(private readonly rest: RestClient) {}

  /**
   * Starts an export (`status: 'pending'`). Refused with 409 DATA_EXPORT_IN_PROGRESS while one is under
   * way, and 429 DATA_EXPORT_TOO_SOON within 24 hours of the last one that did not fail.
   */
  request(): Promise<DataExport> {
    return this.rest.post(BASE);
  }

  /** My exports, newest first (at most 20). */
  list(): Promise<DataExport[]> {
    return this.rest.get(BASE);
  }
}
