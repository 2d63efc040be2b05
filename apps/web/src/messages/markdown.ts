import { SNOWFLAKE_DIGITS } from '@bonfire/contracts';

/**
 * The message markdown Bonfire renders: ```code blocks``` (highlighted, see code-highlight.ts), `inline
 * code`, **bold**, *italic* / _italic_, ~~strike~~, ||spoilers||, bare http(s) links and masked links
 * [label](https://…), mentions (<@id>, <@&roleId>, @everyone, @here), custom emoji (<:name:id>, <a:name:id>),
 * and per line: headings (# to ###),
 * quotes (> ) and lists (- item, * item, 1. item). The parser yields a tree that React renders as
 * elements — user text never reaches the DOM as HTML.
 */
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'bold' | 'italic' | 'strike' | 'spoiler'; children: InlineNode[] }
  | { type: 'link'; href: string }
  /** `[label](https://…)`: shown as the label, the address in its title (no hidden destinations). */
  | { type: 'maskedLink'; href: string; children: InlineNode[] }
  | { type: 'mention'; userId: string }
  | { type: 'roleMention'; roleId: string }
  | { type: 'everyone'; text: '@everyone' | '@here' }
  /** A guild's custom emoji: an image, or `:name:` once its id is unknown (deleted). */
  | { type: 'customEmoji'; name: string; id: string; animated: boolean };

export type MarkdownBlock =
  | { type: 'codeBlock'; language: string | null; text: string }
  | { type: 'inline'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: InlineNode[] }
  | { type: 'quote'; blocks: MarkdownBlock[] }
  | { type: 'list'; ordered: boolean; start: number; items: InlineNode[][] };

const FENCE = '```';
const LINK = /^https?:\/\/[^\s<>"]+/;
const USER_MENTION = new RegExp(`^<@!?(${SNOWFLAKE_DIGITS})>`);
const ROLE_MENTION = new RegExp(`^<@&(${SNOWFLAKE_DIGITS})>`);
const EVERYONE = /^@(everyone|here)\b/;
const CUSTOM_EMOJI = new RegExp(`^<(a?):([A-Za-z0-9_]{2,32}):(${SNOWFLAKE_DIGITS})>`);
const MASKED_LINK = /^\[([^[\]\n]{1,256})\]\((https?:\/\/[^\s()<>"]+)\)/;
const HEADING = /^(#{1,3}) +(\S.*)$/;
const QUOTE = /^> ?(.*)$/;
const BULLET = /^ {0,3}[-*] +(\S.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)] +(\S.*)$/;
const TRAILING_PUNCTUATION = /[.,:;!?'"]+$/;
/** Nesting deeper than this is shown as text: a pathological message cannot blow the stack. */
const MAX_DEPTH = 8;

export function parseMarkdown(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let rest = source;
  while (rest.length > 0) {
    const open = rest.indexOf(FENCE);
    const close = open === -1 ? -1 : rest.indexOf(FENCE, open + FENCE.length);
    if (open === -1 || close === -1) {
      pushInline(blocks, rest);
      break;
    }
    if (open > 0) pushInline(blocks, rest.slice(0, open).replace(/\n$/, ''));
    let body = rest.slice(open + FENCE.length, close);
    let language: string | null = null;
    const firstLine = /^([A-Za-z0-9_+-]{1,20})\n/.exec(body);
    if (firstLine) {
      language = firstLine[1]!;
      body = body.slice(firstLine[0].length);
    } else if (body.startsWith('\n')) {
      body = body.slice(1);
    }
    blocks.push({ type: 'codeBlock', language, text: body.replace(/\n$/, '') });
    rest = rest.slice(close + FENCE.length).replace(/^\n/, '');
  }
  return blocks;
}

/**
 * The line-level structure of text outside code fences: headings, quotes (their lines parsed again,
 * without further quotes), lists, and runs of ordinary lines (one inline block, newlines kept).
 */
function pushInline(blocks: MarkdownBlock[], text: string, inQuote = false): void {
  if (text.length === 0) return;
  const lines = text.split('\n');
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const joined = paragraph.join('\n');
    // Blank lines around a heading, quote or list are spacing, not content.
    const trimmed = joined.replace(/^\n+|\n+$/g, '');
    if (trimmed.length > 0) blocks.push({ type: 'inline', children: parseInline(trimmed) });
    paragraph = [];
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      const level = heading[1]!.length as 1 | 2 | 3;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2]!) });
      index += 1;
      continue;
    }
    if (!inQuote && QUOTE.test(line)) {
      flushParagraph();
      const quoted: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index]!)) {
        quoted.push(QUOTE.exec(lines[index]!)![1]!);
        index += 1;
      }
      const inner: MarkdownBlock[] = [];
      pushInline(inner, quoted.join('\n'), true);
      blocks.push({ type: 'quote', blocks: inner });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: InlineNode[][] = [];
      while (index < lines.length) {
        const match = pattern.exec(lines[index]!);
        if (!match) break;
        items.push(parseInline(match[ordered ? 2 : 1]!));
        index += 1;
      }
      blocks.push({ type: 'list', ordered, start: ordered ? Number(numbered[1]) : 1, items });
      continue;
    }
    paragraph.push(line);
    index += 1;
  }
  flushParagraph();
}

/** `noLinks`: inside a masked link's label, where another link would hide where it leads. */
export function parseInline(text: string, depth = 0, noLinks = false): InlineNode[] {
  const nodes: InlineNode[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const char = text[index]!;
    const previous = index > 0 ? text[index - 1]! : ' ';

    if (char === '\\' && index + 1 < text.length && /[\\`*_~<@|[#>-]/.test(text[index + 1]!)) {
      buffer += text[index + 1];
      index += 2;
      continue;
    }
    if (char === '`') {
      const end = text.indexOf('`', index + 1);
      if (end > index + 1) {
        flush();
        nodes.push({ type: 'code', text: text.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    }
    if (depth < MAX_DEPTH) {
      const styled =
        delimited(text, index, '**', 'bold', depth, noLinks) ??
        delimited(text, index, '~~', 'strike', depth, noLinks) ??
        delimited(text, index, '||', 'spoiler', depth, noLinks) ??
        (char === '*' ? delimited(text, index, '*', 'italic', depth, noLinks) : null) ??
        (char === '_' && !/[A-Za-z0-9]/.test(previous)
          ? delimited(text, index, '_', 'italic', depth, noLinks)
          : null);
      if (styled) {
        flush();
        nodes.push(styled.node);
        index = styled.end;
        continue;
      }
    }
    if (char === '[' && !noLinks) {
      const masked = MASKED_LINK.exec(rest);
      if (masked) {
        flush();
        const label =
          depth < MAX_DEPTH
            ? parseInline(masked[1]!, depth + 1, true)
            : [{ type: 'text' as const, text: masked[1]! }];
        nodes.push({ type: 'maskedLink', href: masked[2]!, children: label });
        index += masked[0].length;
        continue;
      }
    }
    if (char === 'h' && !noLinks && !/[A-Za-z0-9]/.test(previous)) {
      const link = LINK.exec(rest);
      if (link) {
        const href = trimLink(link[0]);
        flush();
        nodes.push({ type: 'link', href });
        index += href.length;
        continue;
      }
    }
    if (char === '<') {
      const user = USER_MENTION.exec(rest);
      if (user) {
        flush();
        nodes.push({ type: 'mention', userId: user[1]! });
        index += user[0].length;
        continue;
      }
      const role = ROLE_MENTION.exec(rest);
      if (role) {
        flush();
        nodes.push({ type: 'roleMention', roleId: role[1]! });
        index += role[0].length;
        continue;
      }
      const emoji = CUSTOM_EMOJI.exec(rest);
      if (emoji) {
        flush();
        nodes.push({ type: 'customEmoji', animated: emoji[1] === 'a', name: emoji[2]!, id: emoji[3]! });
        index += emoji[0].length;
        continue;
      }
    }
    if (char === '@' && !/[A-Za-z0-9]/.test(previous)) {
      const everyone = EVERYONE.exec(rest);
      if (everyone) {
        flush();
        nodes.push({ type: 'everyone', text: everyone[0] as '@everyone' | '@here' });
        index += everyone[0].length;
        continue;
      }
    }
    buffer += char;
    index += 1;
  }
  flush();
  return nodes;
}

function delimited(
  text: string,
  index: number,
  marker: string,
  type: 'bold' | 'italic' | 'strike' | 'spoiler',
  depth: number,
  noLinks = false,
): { node: InlineNode; end: number } | null {
  if (!text.startsWith(marker, index)) return null;
  const start = index + marker.length;
  if (start >= text.length || /\s/.test(text[start]!)) return null;
  let search = start;
  while (search < text.length) {
    const end = text.indexOf(marker, search);
    if (end === -1) return null;
    // `**` inside an italic run is bold's business: a single `*` never closes on half of one.
    const partOfLonger =
      marker.length === 1 && (text[end + 1] === marker || (end > 0 && text[end - 1] === marker));
    if (end > start && !/\s/.test(text[end - 1]!) && !partOfLonger) {
      const inner = text.slice(start, end);
      return { node: { type, children: parseInline(inner, depth + 1, noLinks) }, end: end + marker.length };
    }
    search = end + marker.length;
  }
  return null;
}

/** A sentence's closing punctuation and an unbalanced closing parenthesis are not part of the link. */
function trimLink(raw: string): string {
  let link = raw.replace(TRAILING_PUNCTUATION, '');
  while (link.endsWith(')') && count(link, '(') < count(link, ')')) {
    link = link.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return link;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Plain text of a message for previews (replies, notifications): markers removed, mentions kept as ids. */
export function plainText(nodes: InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.text;
        case 'link':
          return node.href;
        case 'mention':
          return `@${node.userId}`;
        case 'spoiler':
          return '(spoiler)';
        case 'roleMention':
          return `@role`;
        case 'everyone':
          return node.text;
        case 'customEmoji':
          return `:${node.name}:`;
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
