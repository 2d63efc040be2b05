import { createSmtpTransport, type SmtpTransport } from '@bonfire/platform/mail';
import { MailTransport, type OutgoingMail } from './mail-transport';

/** Mails through an SMTP server given by URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…. */
export class SmtpMailTransport extends MailTransport {
  private readonly transporter: SmtpTransport;

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createSmtpTransport(url, from);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language },
    });
  }

  describe(): string {
    const url = new URL(this.url);
    return `SMTP ${url.protocol}//${url.host}`; // never the credentials
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
