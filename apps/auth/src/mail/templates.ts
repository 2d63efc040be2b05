import type { OutgoingMail } from './mail-transport';

/** The mails auth sends, and the parameters each one needs. */
export interface MailTemplates {
  verifyEmail: { username: string; link: string; hours: number };
  passwordReset: { username: string; link: string; minutes: number };
  emailChangeConfirm: { username: string; link: string; hours: number; email: string };
  emailChangeNotice: { username: string; email: string };
}
export type MailTemplateName = keyof MailTemplates;
export const MAIL_TEMPLATE_NAMES: readonly MailTemplateName[] = [
  'verifyEmail',
  'passwordReset',
  'emailChangeConfirm',
  'emailChangeNotice',
];

/**
 * One mail's words in one language. `{name}` is replaced by the parameter of that name (HTML-escaped in the
 * HTML body); `action` is the button's label when the mail carries a link.
 */
interface MailMessages {
  subject: string;
  greeting: string;
  body: string[];
  action?: string;
  footer: string;
}

type Catalogue = { [T in MailTemplateName]: MailMessages };

/**
 * The messages table, one catalogue per locale (`en` first and the fallback). Adding a language is adding
 * a catalogue here; the mail's language is the user's (from the request's Accept-Language when they asked
 * for it), else `en`.
 */
export const MAIL_CATALOGUES: Record<string, Catalogue> = {
  en: {
    verifyEmail: {
      subject: 'Confirm your email address',
      greeting: 'Hi {username},',
      body: [
        'Please confirm that this is your email address by opening the link below.',
        'The link works once and expires in {hours} hours.',
      ],
      action: 'Confirm my email address',
      footer: 'If you did not create a Bonfire account, ignore this mail: nothing happens without the link.',
    },
    passwordReset: {
      subject: 'Reset your password',
      greeting: 'Hi {username},',
      body: [
        'Someone (hopefully you) asked to reset your Bonfire password. Open the link below to choose a new one.',
        'The link works once and expires in {minutes} minutes. Setting a new password signs you out everywhere.',
      ],
      action: 'Choose a new password',
      footer: 'If you did not ask for this, ignore this mail: your password stays as it is.',
    },
    emailChangeConfirm: {
      subject: 'Confirm your new email address',
      greeting: 'Hi {username},',
      body: [
        'You asked to use {email} for your Bonfire account. Open the link below to confirm.',
        'Your address changes only once you confirm. The link works once and expires in {hours} hours.',
      ],
      action: 'Confirm my new address',
      footer: 'If you did not ask for this, ignore this mail.',
    },
    emailChangeNotice: {
      subject: 'Your email address is being changed',
      greeting: 'Hi {username},',
      body: [
        'Someone signed in to your Bonfire account asked to change its email address to {email}.',
        'The change happens only when the new address is confirmed.',
      ],
      footer: 'If this was not you, change your password now: it ends every other session.',
    },
  },
};

const DEFAULT_LOCALE = 'en';

/** The best supported locale for an Accept-Language header (or a stored locale), else `en`. */
export function pickLocale(acceptLanguage: string | null | undefined): string {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (MAIL_CATALOGUES[tag]) return tag;
    const language = tag.split('-')[0]!;
    if (MAIL_CATALOGUES[language]) return language;
  }
  return DEFAULT_LOCALE;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function fill(text: string, params: Record<string, unknown>, escape: (value: string) => string): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? escape(String(params[key])) : whole,
  );
}

/** Renders a template in a locale (unknown locale → `en`) into the plain-text and HTML bodies. */
export function renderMail<T extends MailTemplateName>(
  template: T,
  locale: string,
  to: string,
  params: MailTemplates[T],
): OutgoingMail {
  const language = MAIL_CATALOGUES[locale] ? locale : DEFAULT_LOCALE;
  const messages = MAIL_CATALOGUES[language]![template];
  const values = params as unknown as Record<string, unknown>;
  const link = typeof values['link'] === 'string' ? values['link'] : undefined;
  const plain = (text: string) => fill(text, values, (v) => v);
  const html = (text: string) => fill(escapeHtml(text), values, escapeHtml);

  const textParts = [plain(messages.greeting), ...messages.body.map(plain)];
  if (link) textParts.push(`${plain(messages.action ?? '')}:\n${link}`);
  textParts.push(`-- \n${plain(messages.footer)}`);

  const htmlParts = [`<p>${html(messages.greeting)}</p>`, ...messages.body.map((p) => `<p>${html(p)}</p>`)];
  if (link) {
    const href = escapeHtml(link);
    htmlParts.push(
      `<p><a href="${href}" style="display:inline-block;padding:10px 16px;background:#5865f2;color:#fff;border-radius:4px;text-decoration:none">${html(messages.action ?? '')}</a></p>`,
      `<p style="color:#555;font-size:12px">${href}</p>`,
    );
  }
  htmlParts.push(`<hr><p style="color:#555;font-size:12px">${html(messages.footer)}</p>`);

  return {
    to,
    subject: plain(messages.subject),
    text: `${textParts.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${language}"><body style="font-family:sans-serif">${htmlParts.join('')}</body></html>`,
    language,
  };
}
