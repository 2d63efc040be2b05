import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './mail-sender';
import { MAIL_CATALOGUES, MAIL_TEMPLATE_NAMES, pickLocale, renderMail } from './templates';

describe('mail templates', () => {
  it('picks the best supported locale from Accept-Language, else en', () => {
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('')).toBe('en');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('xx-YY, zz;q=0.8')).toBe('en');
    expect(pickLocale('xx;q=0, en-US;q=0.1')).toBe('en');
  });

  it('has every template in every locale, with a link label where the mail carries a link', () => {
    for (const [locale, catalogue] of Object.entries(MAIL_CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), locale).toEqual([...MAIL_TEMPLATE_NAMES].sort());
      for (const name of ['verifyEmail', 'passwordReset', 'emailChangeConfirm'] as const) {
        expect(catalogue[name].action, `${locale}.${name}`).toBeTruthy();
      }
    }
  });

  it('fills parameters, escaping them in the HTML body only, and falls back to en', () => {
    const mail = renderMail('emailChangeConfirm', 'xx', 'a@example.com', {
      username: '<b>Ann</b>',
      email: 'new"@example.com',
      link: 'https://chat.example/confirm-email?token=t&a=<1>',
      hours: 24,
    });
    expect(mail).toMatchObject({
      to: 'a@example.com',
      language: 'en',
      subject: 'Confirm your new email address',
    });
    expect(mail.text).toContain('Hi <b>Ann</b>,');
    expect(mail.text).toContain('You asked to use new"@example.com for your Bonfire account.');
    expect(mail.text).toContain('expires in 24 hours');
    expect(mail.text).toContain('Confirm my new address:\nhttps://chat.example/confirm-email?token=t&a=<1>');
    expect(mail.html).not.toContain('<b>Ann');
    expect(mail.html).toContain('Hi &#60;b&#62;Ann&#60;/b&#62;,');
    expect(mail.html).toContain('href="https://chat.example/confirm-email?token=t&#38;a=&#60;1&#62;"');
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">/);
  });

  it('retries after 5 s, doubling up to 15 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(900_000);
  });
});
