import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReceivedMail, waitForMail } from './mail-reader.test-kit';
import type { MailTransport } from './mail-transport';
import { renderMail } from './templates';

interface MailTransportHarness {
  transport: MailTransport;
  /** The mails that reached `to`, newest first. */
  inbox(to: string): Promise<ReceivedMail[]>;
  dispose(): Promise<void>;
}

/** One behaviour suite for every MailTransport adapter: what is sent can be read back as it was written. */
export function describeMailTransportContract(name: string, make: () => Promise<MailTransportHarness>): void {
  describe(`MailTransport contract: ${name}`, () => {
    let harness: MailTransportHarness;
    const address = () => `contract-${randomBytes(6).toString('hex')}@example.com`;

    beforeEach(async () => {
      harness = await make();
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it('delivers the plain-text and HTML bodies and the subject, to the recipient only', async () => {
      const to = address();
      const mail = renderMail('passwordReset', 'en', to, {
        username: 'Zoë <script>',
        link: 'http://localhost:8080/reset-password?token=abc&x=1',
        minutes: 30,
      });
      await harness.transport.send(mail);
      const received = await waitForMail(
        () => harness.inbox(to),
        () => true,
      );
      expect(received.to).toEqual([to]);
      expect(received.subject).toBe('Reset your password');
      expect(received.text).toBe(mail.text);
      expect(received.text).toContain('Hi Zoë <script>,');
      expect(received.html).toContain('Hi Zoë &#60;script&#62;,');
      expect(received.html).toContain('href="http://localhost:8080/reset-password?token=abc&#38;x=1"');
      expect(await harness.inbox(address())).toEqual([]);
    });

    it('keeps every mail of a burst, each one whole', async () => {
      const to = address();
      const subjects = ['verifyEmail', 'emailChangeNotice', 'passwordReset'] as const;
      await Promise.all([
        harness.transport.send(
          renderMail('verifyEmail', 'en', to, { username: 'a', link: 'http://x/1', hours: 48 }),
        ),
        harness.transport.send(
          renderMail('emailChangeNotice', 'en', to, { username: 'a', email: 'new@example.com' }),
        ),
        harness.transport.send(
          renderMail('passwordReset', 'en', to, { username: 'a', link: 'http://x/2', minutes: 30 }),
        ),
      ]);
      await waitForMail(
        async () => ((await harness.inbox(to)).length === subjects.length ? harness.inbox(to) : []),
        () => true,
      );
      const received = await harness.inbox(to);
      expect(received.map((mail) => mail.subject).sort()).toEqual(
        ['Confirm your email address', 'Your email address is being changed', 'Reset your password'].sort(),
      );
      for (const mail of received) expect(mail.text).toMatch(/-- \n.+\n$/);
    });
  });
}
