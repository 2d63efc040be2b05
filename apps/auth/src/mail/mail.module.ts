import { join, resolve } from 'node:path';
import { ServiceLogger } from '@bonfire/platform';
import { Module } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config';
import { FolderMailTransport } from './folder-mail-transport';
import { MailOutbox } from './mail-outbox.repository';
import { MailSender } from './mail-sender';
import { MailTransport } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail-transport';

/**
 * The adapter behind MailTransport. `auto` follows the shape: SMTP (SMTP_URL) when distributed, the mail
 * folder when standalone; MAIL_TRANSPORT=smtp or folder picks one in either shape.
 */
function createMailTransport(config: AuthConfig, serviceLogger: ServiceLogger): MailTransport {
  const folder = () =>
    new FolderMailTransport(
      resolve(config.MAIL_FOLDER ?? join(config.BONFIRE_DATA_DIR, 'mail')),
      config.MAIL_FROM,
      serviceLogger,
    );
  switch (config.MAIL_TRANSPORT) {
    case 'smtp':
      if (!config.SMTP_URL) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_URL');
      return new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
    case 'folder':
      return folder();
    case 'auto':
      if (config.BONFIRE_MODE === 'standalone') return folder();
      if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
      serviceLogger
        .for('mail')
        .warn('SMTP_URL is not set: mails are written to a folder instead of being sent');
      return folder();
  }
}

@Module({
  providers: [
    MailOutbox,
    MailSender,
    {
      provide: MailTransport,
      inject: [AUTH_CONFIG, ServiceLogger],
      useFactory: (config: AuthConfig, logger: ServiceLogger) => createMailTransport(config, logger),
    },
  ],
  exports: [MailOutbox, MailSender],
})
export class MailModule {}
