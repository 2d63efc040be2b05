import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('message markdown', () => {
  it('keeps plain text as one text node', () => {
    expect(parseInline('hello there')).toEqual([{ type: 'text', text: 'hello there' }]);
  });

  it('parses bold, italic, strike and inline code', () => {
    expect(parseInline('a **b** *c* _d_ ~~e~~ `f*g*`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'bold', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'italic', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'italic', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'strike', children: [{ type: 'text', text: 'e' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'f*g*' },
    ]);
  });

  it('nests styles', () => {
    expect(parseInline('**bold _and italic_**')).toEqual([
      {
        type: 'bold',
        children: [
          { type: 'text', text: 'bold ' },
          { type: 'italic', children: [{ type: 'text', text: 'and italic' }] },
        ],
      },
    ]);
  });

  it('leaves unmatched markers and snake_case alone', () => {
    expect(parseInline('2 * 3 = 6 and snake_case_name and **open')).toEqual([
      { type: 'text', text: '2 * 3 = 6 and snake_case_name and **open' },
    ]);
  });

  it('turns http(s) links into link nodes without trailing punctuation', () => {
    expect(parseInline('see https://example.com/a?b=1. (also http://x.test/p)')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.com/a?b=1' },
      { type: 'text', text: '. (also ' },
      { type: 'link', href: 'http://x.test/p' },
      { type: 'text', text: ')' },
    ]);
  });

  it('never makes a link of other schemes', () => {
    expect(parseInline('javascript:alert(1) data:text/html,x')).toEqual([
      { type: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
  });

  it('keeps HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('recognises user, role and everyone mentions', () => {
    expect(parseInline('hi <@123> <@!45> <@&678> @everyone mail@here')).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'mention', userId: '123' },
      { type: 'text', text: ' ' },
      { type: 'mention', userId: '45' },
      { type: 'text', text: ' ' },
      { type: 'roleMention', roleId: '678' },
      { type: 'text', text: ' ' },
      { type: 'everyone', text: '@everyone' },
      { type: 'text', text: ' mail@here' },
    ]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*not italic\\*')).toEqual([{ type: 'text', text: '*not italic*' }]);
  });

  it('splits fenced code blocks with their language', () => {
    expect(parseMarkdown('before\n```ts\nconst a = 1;\n**not bold**\n```\nafter')).toEqual([
      { type: 'inline', children: [{ type: 'text', text: 'before' }] },
      { type: 'codeBlock', language: 'ts', text: 'const a = 1;\n**not bold**' },
      { type: 'inline', children: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it('treats an unclosed fence as text', () => {
    expect(parseMarkdown('```oops')).toEqual([
      { type: 'inline', children: [{ type: 'text', text: '```oops' }] },
    ]);
  });

  it('survives deeply nested markers', () => {
    const nested = '*'.repeat(200) + 'x' + '*'.repeat(200);
    expect(() => parseMarkdown(nested)).not.toThrow();
  });
});
