import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MailTransport, type OutgoingMail } from './mail-transport';

/**
 * The standalone shape's mail: each mail becomes one `.eml` file (the standard format every mail client
 * opens) in a folder under the data dir, named by time and recipient, and a log line says where. A
 * self-hoster with no SMTP server loses nothing — the links are in the files, kept with the rest of the
 * instance's data and backed up with it — and can set SMTP_URL with MAIL_TRANSPORT=smtp once they have one.
 * Mails are not kept in memory: a restart would lose them, and a log line with the link would spread
 * single-use secrets into log collectors.
 */
export class FolderMailTransport extends MailTransport {
  private readonly logger: ComponentLogger;
  private sequence = 0;

  constructor(
    readonly folder: string,
    private readonly from: string,
    logger: ServiceLogger,
  ) {
    super();
    this.logger = logger.for('mail');
  }

  async send(mail: OutgoingMail): Promise<void> {
    // Composed as nodemailer composes what it sends over SMTP (MIME multipart, encoded headers).
    const message = await new Promise<Buffer>((resolve, reject) =>
      new MailComposer({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.language },
      })
        .compile()
        .build((error, built) => (error ? reject(error) : resolve(built))),
    );
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const recipient = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_').slice(0, 100);
    const name = `${stamp}-${process.pid}-${++this.sequence}-${recipient}.eml`;
    // Written under a temporary name, then renamed: a reader never sees half a mail.
    const path = join(this.folder, name);
    await writeFile(`${path}.tmp`, message, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
    this.logger.info({ path }, `mail "${mail.subject}" written to ${path}`);
  }

  describe(): string {
    return `the folder ${this.folder} (one .eml file per mail)`;
  }

  async close(): Promise<void> {
    // Nothing to close: no connection.
  }
}
