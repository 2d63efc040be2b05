/**
 * A small syntax highlighter for code blocks: splits code into tokens (keywords, strings, comments,
 * numbers, plain text) that the renderer shows as coloured text nodes — never as HTML. It knows the
 * common languages by their fence name; any other language (or none) is one plain token.
 */
type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'plain';

interface CodeToken {
  kind: TokenKind;
  text: string;
}

interface LanguageRules {
  keywords: ReadonlySet<string>;
  lineComments: readonly string[];
  blockComment: readonly [string, string] | null;
  quotes: string;
}

const words = (list: string) => new Set(list.split(' '));

const C_LIKE_COMMENTS = { lineComments: ['//'], blockComment: ['/*', '*/'] as const };

const JS = words(
  'abstract as async await break case catch class const continue debugger default delete do else enum export extends false finally for from function get if implements import in instanceof interface let new null of private protected public readonly return set static super switch this throw true try type typeof undefined var void while with yield',
);
const PYTHON = words(
  'and as assert async await break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return self True try while with yield',
);
const RUST = words(
  'as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while',
);
const GO = words(
  'break case chan const continue default defer else fallthrough false for func go goto if import interface map nil package range return select struct switch true type var',
);
const C = words(
  'auto bool break case catch char class const continue default delete do double else enum extern false float for if int long namespace new nullptr private protected public return short signed sizeof static struct switch template this throw true try typedef union unsigned using virtual void volatile while',
);
const JAVA = words(
  'abstract boolean break byte case catch char class const continue default do double else enum extends false final finally float for if implements import instanceof int interface long new null package private protected public return short static super switch this throw throws true try void volatile while fun val var when object',
);
const SHELL = words(
  'if then else elif fi for while until do done case esac function in return export local echo exit',
);
const SQL = words(
  'select from where and or not insert into values update set delete create table index drop alter join left right inner outer on as group by order limit offset having distinct null is in like primary key references default returning with union all case when then else end begin commit',
);
const JSON_WORDS = words('true false null');

const LANGUAGES: Record<string, LanguageRules> = {};
const define = (names: string, rules: LanguageRules) => {
  for (const name of names.split(' ')) LANGUAGES[name] = rules;
};
define('js javascript jsx ts typescript tsx mjs cjs', { keywords: JS, ...C_LIKE_COMMENTS, quotes: '\'"`' });
define('py python', { keywords: PYTHON, lineComments: ['#'], blockComment: null, quotes: '\'"' });
define('rs rust', { keywords: RUST, ...C_LIKE_COMMENTS, quotes: '"' });
define('go golang', { keywords: GO, ...C_LIKE_COMMENTS, quotes: '"`\'' });
define('c h cpp c++ cc hpp cs csharp', { keywords: C, ...C_LIKE_COMMENTS, quotes: '"\'' });
define('java kotlin kt', { keywords: JAVA, ...C_LIKE_COMMENTS, quotes: '"\'' });
define('sh bash shell zsh', { keywords: SHELL, lineComments: ['#'], blockComment: null, quotes: '"\'' });
define('sql', { keywords: SQL, lineComments: ['--'], blockComment: ['/*', '*/'], quotes: '\'"' });
define('json', { keywords: JSON_WORDS, lineComments: [], blockComment: null, quotes: '"' });
define('yaml yml toml ini', {
  keywords: JSON_WORDS,
  lineComments: ['#'],
  blockComment: null,
  quotes: '"\'',
});

/** Longer code is shown plain: highlighting is a nicety, not worth a slow render. */
const MAX_HIGHLIGHTED = 20_000;

export function highlightCode(code: string, language: string | null): CodeToken[] {
  const rules = language ? LANGUAGES[language.toLowerCase()] : undefined;
  if (!rules || code.length > MAX_HIGHLIGHTED) return code ? [{ kind: 'plain', text: code }] : [];
  const tokens: CodeToken[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  // SQL keywords are case-insensitive.
  const keyword = (word: string) =>
    rules.keywords.has(word) || (rules === LANGUAGES['sql'] && rules.keywords.has(word.toLowerCase()));
  let index = 0;
  while (index < code.length) {
    const char = code[index]!;
    const lineComment = rules.lineComments.find((marker) => code.startsWith(marker, index));
    if (lineComment) {
      const end = code.indexOf('\n', index);
      const stop = end === -1 ? code.length : end;
      push('comment', code.slice(index, stop));
      index = stop;
      continue;
    }
    if (rules.blockComment && code.startsWith(rules.blockComment[0], index)) {
      const end = code.indexOf(rules.blockComment[1], index + rules.blockComment[0].length);
      const stop = end === -1 ? code.length : end + rules.blockComment[1].length;
      push('comment', code.slice(index, stop));
      index = stop;
      continue;
    }
    if (rules.quotes.includes(char)) {
      let end = index + 1;
      while (end < code.length && code[end] !== char) {
        // A backslash escapes the next character; an unclosed single-line string ends at the line.
        if (code[end] === '\\') end += 1;
        else if (code[end] === '\n' && char !== '`') break;
        end += 1;
      }
      const stop = Math.min(code.length, end + (code[end] === char ? 1 : 0));
      push('string', code.slice(index, stop));
      index = stop;
      continue;
    }
    if (/[0-9]/.test(char) && !/[A-Za-z0-9_$]/.test(code[index - 1] ?? ' ')) {
      const number = /^(0x[0-9a-fA-F_]+|\d[\d_]*(\.\d+)?([eE][+-]?\d+)?)n?/.exec(
        code.slice(index, index + 64),
      );
      const text = number?.[0] ?? char;
      push('number', text);
      index += text.length;
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(code.slice(index, index + 128))![0];
      push(keyword(word) ? 'keyword' : 'plain', word);
      index += word.length;
      continue;
    }
    push('plain', char);
    index += 1;
  }
  return tokens;
}
