import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A mail as a test reads it back: from Mailpit's API or from a `.eml` file. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until it yields a mail matching `predicate` (newest first), or fails after `timeoutMs`. */
export async function waitForMail(
  read: () => Promise<ReceivedMail[]>,
  predicate: (mail: ReceivedMail) => boolean,
  timeoutMs = 10_000,
): Promise<ReceivedMail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await read()).find(predicate);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching mail within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The link's token in a mail (`…?token=<43 chars>`). */
export function tokenIn(mail: ReceivedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no token link in mail "${mail.subject}"`);
  return match[1]!;
}

/** Every mail Mailpit holds for `to` (its HTTP API at `mailpitUrl`), newest first. */
export async function mailpitInbox(mailpitUrl: string, to: string): Promise<ReceivedMail[]> {
  const query = new URLSearchParams({ query: `to:"${to}"`, limit: '50' });
  const list = await fetch(`${mailpitUrl}/api/v1/search?${query}`);
  if (!list.ok) throw new Error(`Mailpit search answered ${list.status}`);
  const { messages } = (await list.json()) as { messages: { ID: string }[] };
  return Promise.all(
    messages.map(async ({ ID }) => {
      const reply = await fetch(`${mailpitUrl}/api/v1/message/${ID}`);
      const message = (await reply.json()) as {
        To: { Address: string }[];
        Subject: string;
        Text: string;
        HTML: string;
      };
      return {
        to: message.To.map((address) => address.Address),
        subject: message.Subject,
        text: message.Text.replace(/\r\n/g, '\n'),
        html: message.HTML,
      };
    }),
  );
}

// ---------------------------------------------------------------- .eml files (the folder transport)

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_whole, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_whole, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, '%25');
  return decodeURIComponent(bytes.replace(/[^\x20-\x7e\n\r\t]/g, encodeURIComponent));
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function splitPart(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  return { headers: parseHeaders(raw.slice(0, end)), body: raw.slice(end).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Reads one `.eml` (a multipart/alternative text + HTML mail, as nodemailer writes it). */
function parseEml(raw: string): ReceivedMail {
  const { headers, body } = splitPart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => splitPart(part.replace(/^\r?\n/, '')))
    : [{ headers, body }];
  const partOf = (type: string) => {
    const part = parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type));
    return part ? decodeBody(part.headers, part.body).replace(/\r\n/g, '\n').replace(/\n$/, '') : '';
  };
  return {
    to: (headers.get('to') ?? '').split(',').map((address) => address.trim()),
    subject: decodeWords(headers.get('subject') ?? ''),
    text: `${partOf('text/plain')}\n`.replace(/\n\n$/, '\n'),
    html: partOf('text/html'),
  };
}

/** Every `.eml` in the folder addressed to `to`, newest first. */
export async function folderInbox(folder: string, to: string): Promise<ReceivedMail[]> {
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
      .map((name) => readFile(join(folder, name), 'utf8')),
  );
  return mails.map(parseEml).filter((mail) => mail.to.includes(to));
}
