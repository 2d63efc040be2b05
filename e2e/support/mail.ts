import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A mail as the tests read it: its recipients, subject and plain text (the links are in it). */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Where a stack's mails can be read: Mailpit (distributed shape) or the standalone shape's mail folder. */
export interface Mailbox {
  /** Every mail addressed to `to`, newest first. */
  read(to: string): Promise<Mail[]>;
}

/** Mailpit's HTTP API (MAILPIT_URL, started by `npm run infra:up`). */
export function mailpit(url = process.env['MAILPIT_URL'] ?? 'http://127.0.0.1:8025'): Mailbox {
  return {
    async read(to) {
      const query = new URLSearchParams({ query: `to:"${to}"`, limit: '50' });
      const list = await fetch(`${url}/api/v1/search?${query}`);
      if (!list.ok) throw new Error(`Mailpit (${url}) search answered ${list.status}: is it running?`);
      const { messages } = (await list.json()) as { messages: { ID: string }[] };
      return Promise.all(
        messages.map(async ({ ID }) => {
          const message = (await (await fetch(`${url}/api/v1/message/${ID}`)).json()) as {
            To: { Address: string }[];
            Subject: string;
            Text: string;
          };
          return {
            to: message.To.map((address) => address.Address),
            subject: message.Subject,
            text: message.Text.replace(/\r\n/g, '\n'),
          };
        }),
      );
    },
  };
}

/**
 * The folder transport's `.eml` files (auth's MAIL_FOLDER). Only what the tests need is decoded: the To
 * and Subject headers (ASCII here) and the body with quoted-printable soft line breaks undone, where the
 * links can be found.
 */
export function mailFolder(folder: string): Mailbox {
  return {
    async read(to) {
      let names: string[];
      try {
        names = (await readdir(folder)).filter((name) => name.endsWith('.eml'));
      } catch {
        return [];
      }
      const mails = await Promise.all(
        names
          .sort()
          .reverse()
          .map(async (name) => {
            const raw = (await readFile(join(folder, name), 'utf8')).replace(/\r\n/g, '\n');
            const header = (field: string) =>
              new RegExp(`^${field}: (.*)$`, 'mi').exec(raw.slice(0, raw.indexOf('\n\n')))?.[1] ?? '';
            return {
              to: header('To')
                .split(',')
                .map((address) => address.trim()),
              subject: header('Subject'),
              text: raw.replace(/=\n/g, '').replace(/=3D/g, '='),
            };
          }),
      );
      return mails.filter((mail) => mail.to.includes(to));
    },
  };
}

/** Waits for a mail to `to` with that subject (and matching `also`), newest first. */
export async function waitForMail(
  mailbox: Mailbox,
  to: string,
  subject: string,
  also: (mail: Mail) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<Mail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailbox.read(to)).find((mail) => mail.subject === subject && also(mail));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no mail "${subject}" to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The token of the mail's link to `path` (…/verify-email?token=…). */
export function linkToken(mail: Mail, path: string): string {
  const match = new RegExp(`${path.replace(/[/]/g, '\\/')}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return match[1]!;
}
