import type { ExportCompleted, ExportFileLinksAnswer, ExportUploadTicket } from '@bonfire/contracts';
import { internalRequest } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { internalPath } from '@bonfire/contracts';

/** File ids per links request (500 ids stay well within the file service's 16 KiB body limit). */
const LINKS_PER_REQUEST = 500;

/** The file service did not do what the export needed; the job fails (or is retried after a crash). */
export class ExportFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFilesError';
  }
}

/**
 * The file service's export routes, on behalf of the exporting user: links to the bytes of their files,
 * and the archive's upload (a presigned single PUT of the finished ZIP, streamed from disk) and completion.
 */
@Injectable()
export class ExportFilesClient {
  constructor(@Inject(CHAT_CONFIG) private readonly config: ChatConfig) {}

  async fileLinks(userId: string, fileIds: readonly string[]): Promise<ExportFileLinksAnswer['files']> {
    const files: ExportFileLinksAnswer['files'] = [];
    for (let at = 0; at < fileIds.length; at += LINKS_PER_REQUEST) {
      const answer = await this.call<ExportFileLinksAnswer>(userId, internalPath('exports', 'fileLinks'), {
        fileIds: fileIds.slice(at, at + LINKS_PER_REQUEST),
      });
      files.push(...answer.files);
    }
    return files;
  }

  /** The bytes behind a link, streamed. */
  async download(url: string): Promise<Readable> {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.config.CHAT_DATA_EXPORT_TRANSFER_TIMEOUT_MS),
    });
    if (!response.ok || !response.body) {
      throw new ExportFilesError(`the store answered ${response.status} to a download`);
    }
    return Readable.fromWeb(response.body);
  }

  /** Uploads the archive at `path` (`size` bytes) for its owner; answers its file id and expiry. */
  async uploadArchive(
    userId: string,
    path: string,
    size: number,
    filename: string,
  ): Promise<ExportCompleted> {
    const ticket = await this.call<ExportUploadTicket>(userId, internalPath('exports', 'create'), {
      filename,
      size,
    });
    await this.put(ticket, path, size);
    return this.call<ExportCompleted>(
      userId,
      internalPath('exports', 'complete', { fileId: ticket.id }),
      undefined,
    );
  }

  private async put(ticket: ExportUploadTicket, path: string, size: number): Promise<void> {
    const url = new URL(ticket.uploadUrl);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const status = await new Promise<number>((resolve, reject) => {
      const request = send(url, {
        method: 'PUT',
        headers: { ...ticket.headers, 'content-length': String(size) },
        signal: AbortSignal.timeout(this.config.CHAT_DATA_EXPORT_TRANSFER_TIMEOUT_MS),
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      request.on('error', reject);
      pipeline(createReadStream(path), request).catch(reject);
    });
    if (status < 200 || status > 299)
      throw new ExportFilesError(`the store answered ${status} to the upload`);
  }

  private async call<T>(userId: string, path: string, body: unknown): Promise<T> {
    let response;
    try {
      response = await internalRequest({
        baseUrl: this.config.FILE_URL,
        path,
        method: 'POST',
        body,
        caller: { userId, sessionId: '0' },
        identitySecret: this.config.INTERNAL_IDENTITY_SECRET,
        timeoutMs: this.config.CHAT_FILE_TIMEOUT_MS,
      });
    } catch (error) {
      throw new ExportFilesError(`the file service is unreachable: ${(error as Error).message}`);
    }
    if (response.status < 200 || response.status > 299 || response.body === undefined) {
      throw new ExportFilesError(`the file service answered ${response.status} to ${path}`);
    }
    return response.body as T;
  }
}
