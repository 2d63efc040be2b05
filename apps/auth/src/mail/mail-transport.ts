/** One mail, ready to send: plain text and HTML bodies of the same content. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Content-Language of the mail (a locale of ./templates). */
  language: string;
}

/**
 * Where auth's mails go (the DI token): an SMTP server in the distributed shape (SmtpMailTransport,
 * SMTP_URL), a folder of .eml files under the data dir in the standalone one (FolderMailTransport). Callers
 * never send directly: they queue a mail job in their transaction (MailOutbox) and MailSender drains the
 * queue through this port, retrying until it succeeds.
 */
export abstract class MailTransport {
  /** Resolves once the mail is accepted (by the SMTP server / written to disk); rejects otherwise. */
  abstract send(mail: OutgoingMail): Promise<void>;
  /** A short description for logs: where mails go. */
  abstract describe(): string;
  abstract close(): Promise<void>;
}
