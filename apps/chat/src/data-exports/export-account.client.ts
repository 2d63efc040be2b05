import type { ExportedAccount } from '@bonfire/contracts';
import { getInternalJson } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { ExportFilesError } from './export-files.client';
import { internalPath } from '@bonfire/contracts';

/**
 * The account data auth holds (email, creation date, two-factor), for the export's profile.json, asked
 * on auth's internal route for the exporting user. Without AUTH_URL the archive has chat's profile only.
 */
@Injectable()
export class ExportAccountClient {
  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {}

  async account(userId: string): Promise<ExportedAccount | null> {
    if (!this.config.AUTH_URL) return null;
    return getInternalJson<ExportedAccount>({
      baseUrl: this.config.AUTH_URL,
      path: internalPath('users', 'ownAccount'),
      caller: { userId, sessionId: '0' },
      identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
      timeoutMs: this.config.CHAT_FILE_TIMEOUT_MS,
      unavailable: (reason) => new ExportFilesError(`auth cannot answer: ${reason}`),
    });
  }
}
