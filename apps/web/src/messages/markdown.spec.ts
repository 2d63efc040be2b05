import { describe, expect, it } from 'vitest';
import { highlightCode } from './code-highlight';
import { parseInline, parseMarkdown, plainText } from './markdown';

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
  it('parses spoilers, with styles inside', () => {
    expect(parseInline('the end: ||he **was** the cat||!')).toEqual([
      { type: 'text', text: 'the end: ' },
      {
        type: 'spoiler',
        children: [
          { type: 'text', text: 'he ' },
          { type: 'bold', children: [{ type: 'text', text: 'was' }] },
          { type: 'text', text: ' the cat' },
        ],
      },
      { type: 'text', text: '!' },
    ]);
    expect(plainText(parseInline('a ||secret||'))).toBe('a (spoiler)');
  });

  it('parses masked links to http(s) only, without links inside the label', () => {
    expect(parseInline('read [the *docs*](https://example.com/docs) now')).toEqual([
      { type: 'text', text: 'read ' },
      {
        type: 'maskedLink',
        href: 'https://example.com/docs',
        children: [
          { type: 'text', text: 'the ' },
          { type: 'italic', children: [{ type: 'text', text: 'docs' }] },
        ],
      },
      { type: 'text', text: ' now' },
    ]);
    expect(parseInline('[https://good.test](https://evil.test)')).toEqual([
      {
        type: 'maskedLink',
        href: 'https://evil.test',
        children: [{ type: 'text', text: 'https://good.test' }],
      },
    ]);
    expect(parseInline('[x](javascript:alert(1))')).toEqual([
      { type: 'text', text: '[x](javascript:alert(1))' },
    ]);
  });

  it('parses headings, quotes and lists line by line', () => {
    expect(parseMarkdown('# Title\n## Sub\n### Small\n#### not a heading')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Sub' }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Small' }] },
      { type: 'inline', children: [{ type: 'text', text: '#### not a heading' }] },
    ]);
    expect(parseMarkdown('> quoted **text**\n> second\nafter')).toEqual([
      {
        type: 'quote',
        blocks: [
          {
            type: 'inline',
            children: [
              { type: 'text', text: 'quoted ' },
              { type: 'bold', children: [{ type: 'text', text: 'text' }] },
              { type: 'text', text: '\nsecond' },
            ],
          },
        ],
      },
      { type: 'inline', children: [{ type: 'text', text: 'after' }] },
    ]);
    expect(parseMarkdown('- one\n* two\n\n3. three\n4. four')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'text', text: 'three' }], [{ type: 'text', text: 'four' }]],
      },
    ]);
  });

  it('keeps a nested quote marker and escaped markers as text', () => {
    expect(parseMarkdown('> > inner')).toEqual([
      { type: 'quote', blocks: [{ type: 'inline', children: [{ type: 'text', text: '> inner' }] }] },
    ]);
    expect(parseMarkdown('\\# not a heading \\||x||')).toEqual([
      { type: 'inline', children: [{ type: 'text', text: '# not a heading ||x||' }] },
    ]);
  });

  it('keeps plain multi-line text as one block and HTML in a quote as text', () => {
    expect(parseMarkdown('line one\nline two')).toEqual([
      { type: 'inline', children: [{ type: 'text', text: 'line one\nline two' }] },
    ]);
    expect(parseMarkdown('> <script>alert(1)</script>')).toEqual([
      {
        type: 'quote',
        blocks: [{ type: 'inline', children: [{ type: 'text', text: '<script>alert(1)</script>' }] }],
      },
    ]);
  });
});

describe('code block highlighting', () => {
  it('tokenises keywords, strings, numbers and comments of a known language', () => {
    expect(highlightCode('const a = "x"; // note\nreturn 42;', 'ts')).toEqual([
      { kind: 'keyword', text: 'const' },
      { kind: 'plain', text: ' a = ' },
      { kind: 'string', text: '"x"' },
      { kind: 'plain', text: '; ' },
      { kind: 'comment', text: '// note' },
      { kind: 'plain', text: '\n' },
      { kind: 'keyword', text: 'return' },
      { kind: 'plain', text: ' ' },
      { kind: 'number', text: '42' },
      { kind: 'plain', text: ';' },
    ]);
  });

  it('knows comment styles per language and SQL keywords in any case', () => {
    expect(highlightCode('def f(): # hi', 'python').map((token) => token.kind)).toEqual([
      'keyword',
      'plain',
      'comment',
    ]);
    expect(highlightCode('SELECT 1 -- one', 'sql')).toEqual([
      { kind: 'keyword', text: 'SELECT' },
      { kind: 'plain', text: ' ' },
      { kind: 'number', text: '1' },
      { kind: 'plain', text: ' ' },
      { kind: 'comment', text: '-- one' },
    ]);
  });

  it('handles escapes, unclosed strings and block comments', () => {
    expect(highlightCode('"a\\"b" /* c', 'js')).toEqual([
      { kind: 'string', text: '"a\\"b"' },
      { kind: 'plain', text: ' ' },
      { kind: 'comment', text: '/* c' },
    ]);
    expect(highlightCode("'open\nnext", 'py')).toEqual([
      { kind: 'string', text: "'open" },
      { kind: 'plain', text: '\nnext' },
    ]);
  });

  it('leaves unknown languages and identifiers with digits plain', () => {
    expect(highlightCode('<b>if</b>', 'html')).toEqual([{ kind: 'plain', text: '<b>if</b>' }]);
    expect(highlightCode('x1 = 2', null)).toEqual([{ kind: 'plain', text: 'x1 = 2' }]);
    expect(highlightCode('var1', 'js')).toEqual([{ kind: 'plain', text: 'var1' }]);
  });
});
