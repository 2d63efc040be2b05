import { describe, expect, it } from 'vitest';
import { describeMailTransportContract } from './mail-transport.contract';
import { mailpitInbox } from './mail-reader.test-kit';
import { SmtpMailTransport } from './smtp-mail-transport';
import { renderMail } from './templates';

const smtpUrl = process.env['SMTP_URL']!;
const mailpitUrl = process.env['MAILPIT_URL']!;

// Against the real SMTP server infra/ runs (Mailpit), read back through its HTTP API.
describeMailTransportContract('SMTP (Mailpit)', async () => {
  const transport = new SmtpMailTransport(smtpUrl, 'Bonfire <no-reply@localhost>');
  return {
    transport,
    inbox: (to) => mailpitInbox(mailpitUrl, to),
    dispose: () => transport.close(),
  };
});

describe('SmtpMailTransport', () => {
  it('rejects when the server cannot be reached, and never shows credentials', async () => {
    const transport = new SmtpMailTransport('smtp://user:secret@127.0.0.1:1', 'Bonfire <no-reply@localhost>');
    try {
      expect(transport.describe()).toBe('SMTP smtp://127.0.0.1:1');
      await expect(
        transport.send(
          renderMail('emailChangeNotice', 'en', 'a@example.com', { username: 'a', email: 'b@example.com' }),
        ),
      ).rejects.toThrow();
    } finally {
      await transport.close();
    }
  });
});
