import { createTransport, type Transporter } from 'nodemailer';

export type { Transporter as SmtpTransport } from 'nodemailer';

/**
 * The one way a service builds an SMTP client (`@bonfire/platform/mail`, a separate entry so services that
 * send no mail never load nodemailer), from a URL: smtp://user:pass@host:587 (STARTTLS when the server
 * offers it) or smtps://host:465. `from` is the default sender. The caller owns its lifetime (`close()`).
 */
export function createSmtpTransport(url: string, from: string): Transporter {
  return createTransport(url, { from });
}
