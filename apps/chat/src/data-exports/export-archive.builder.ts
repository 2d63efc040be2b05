import type { Attachment, ExportedAccount } from '@bonfire/contracts';
import { Injectable } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatTransactions } from '../database/chat-transactions';
import { ExportFilesClient } from './export-files.client';
import { type ExportedChannel, ExportSourceRepository } from './export-source.repository';
import { ZipWriter } from './zip-writer';

/** Messages read per query while a channel's file is written. */
const MESSAGE_PAGE = 500;

/** Where the progress stands after each stage (the rest is the upload). */
const PROGRESS = { start: 5, messages: 60, attachments: 95 } as const;

interface BuiltArchive {
  /** A fresh temporary directory holding the archive: the caller removes it. */
  dir: string;
  path: string;
  size: number;
}

/** Reports progress (0–100); the builder calls it at most once per whole percent. */
type ProgressReporter = (progress: number) => Promise<void>;

interface AttachmentEntry extends Attachment {
  messageId: string;
  channelId: string;
  /** Where its bytes are in the archive (null when the file service no longer has them). */
  archivePath: string | null;
}

/**
 * Builds a user's data export as a ZIP in a temporary file, streamed entry by entry (the archive is never
 * in memory): profile.json, guilds.json, dms.json, messages/<channel id>.json (every message the user
 * authored, with the channel's and guild's names), attachments.json (metadata) and attachments/<file
 * id>-<name> (the bytes, read from the file service's links).
 */
@Injectable()
export class ExportArchiveBuilder {
  constructor(
    private readonly transactions: ChatTransactions,
    private readonly source: ExportSourceRepository,
    private readonly files: ExportFilesClient,
  ) {}

  async build(
    userId: string,
    account: ExportedAccount | null,
    report: ProgressReporter,
  ): Promise<BuiltArchive> {
    const dir = await mkdtemp(join(tmpdir(), 'bonfire-export-'));
    try {
      return await this.write(dir, userId, account, report);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private async write(
    dir: string,
    userId: string,
    account: ExportedAccount | null,
    report: ProgressReporter,
  ): Promise<BuiltArchive> {
    const path = join(dir, 'export.zip');
    const zip = new ZipWriter(createWriteStream(path));
    const db = this.transactions.executor;
    let reported = 0;
    const progress = async (value: number) => {
      const whole = Math.min(99, Math.floor(value));
      if (whole <= reported) return;
      reported = whole;
      await report(whole);
    };
    const json = (value: unknown) => JSON.stringify(value, null, 2);

    const profile = await this.source.profile(db, userId);
    await zip.add(
      'profile.json',
      json({
        id: userId,
        username: profile?.username ?? null,
        displayName: profile?.displayName ?? null,
        avatarFileId: profile?.avatarFileId ?? null,
        bot: profile?.bot ?? false,
        updatedAt: profile?.updatedAt ?? null,
        account,
        exportedAt: new Date().toISOString(),
      }),
    );

    const [memberships, roles] = await Promise.all([
      this.source.memberships(db, userId),
      this.source.memberRoles(db, userId),
    ]);
    await zip.add(
      'guilds.json',
      json(
        memberships.map((guild) => ({
          id: guild.id,
          name: guild.name,
          owner: guild.ownerId === userId,
          createdAt: guild.createdAt,
          nickname: guild.nickname,
          joinedAt: guild.joinedAt,
          roles: roles
            .filter((role) => role.guildId === guild.id)
            .map((role) => ({
              id: role.id,
              name: role.name,
              color: role.color,
              permissions: role.permissions,
            })),
        })),
      ),
    );

    const dms = await this.source.dmChannels(db, userId);
    const recipients = await this.source.recipients(
      db,
      dms.map((dm) => dm.id),
    );
    const dmNames = new Map<string, string>();
    const dmEntries = dms.map((dm) => {
      const others = recipients
        .filter((recipient) => recipient.channelId === dm.id)
        .map((recipient) => ({
          id: recipient.userId,
          username: recipient.username,
          displayName: recipient.displayName,
        }));
      dmNames.set(
        dm.id,
        dm.name ??
          others
            .filter((other) => other.id !== userId)
            .map((other) => other.username ?? other.id)
            .join(', '),
      );
      return {
        id: dm.id,
        type: dm.type,
        name: dm.name,
        ownerId: dm.ownerId,
        createdAt: dm.createdAt,
        recipients: others,
      };
    });
    await zip.add('dms.json', json(dmEntries));
    await progress(PROGRESS.start);

    const channels = await this.source.authoredChannels(db, userId);
    const attachments: AttachmentEntry[] = [];
    for (const [index, channel] of channels.entries()) {
      await zip.add(`messages/${channel.id}.json`, this.channelFile(userId, channel, dmNames, attachments));
      await progress(PROGRESS.start + ((PROGRESS.messages - PROGRESS.start) * (index + 1)) / channels.length);
    }
    await progress(PROGRESS.messages);

    const links = new Map(
      (
        await this.files.fileLinks(
          userId,
          attachments.map((attachment) => attachment.id),
        )
      ).map((link) => [link.id, link]),
    );
    for (const [index, attachment] of attachments.entries()) {
      const link = links.get(attachment.id);
      if (link) {
        const name = `attachments/${attachment.id}-${safeName(attachment.filename)}`;
        await zip.add(name, await this.files.download(link.url), { compress: false });
        attachment.archivePath = name;
      }
      await progress(
        PROGRESS.messages + ((PROGRESS.attachments - PROGRESS.messages) * (index + 1)) / attachments.length,
      );
    }
    await zip.add('attachments.json', json(attachments));
    await progress(PROGRESS.attachments);
    const size = await zip.finish();
    return { dir, path, size };
  }

  /** One channel's file, streamed page by page; the messages' attachments are collected on the way. */
  private async *channelFile(
    userId: string,
    channel: ExportedChannel,
    dmNames: ReadonlyMap<string, string>,
    attachments: AttachmentEntry[],
  ): AsyncGenerator<string> {
    const name = channel.name ?? dmNames.get(channel.id) ?? null;
    yield `{\n  "channel": ${JSON.stringify({ ...channel, name })},\n  "messages": [`;
    let after = '0';
    let first = true;
    for (;;) {
      const page = await this.source.messagesPage(
        this.transactions.executor,
        userId,
        channel.id,
        after,
        MESSAGE_PAGE,
      );
      for (const message of page) {
        yield `${first ? '' : ','}\n    ${JSON.stringify(message)}`;
        first = false;
        for (const attachment of message.attachments) {
          attachments.push({
            ...attachment,
            messageId: message.id,
            channelId: channel.id,
            archivePath: null,
          });
        }
      }
      if (page.length < MESSAGE_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    yield '\n  ]\n}\n';
  }
}

/** A file name safe as the last part of an archive path (no separators, dot-dot or control characters). */
export function safeName(filename: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = filename.replace(/[\u0000-\u001f\u007f/\\:]/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 200) || 'file';
}
