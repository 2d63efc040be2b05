import { isSnowflake } from '@bonfire/contracts';
import { HAS_VALUES, type HasValue } from '../index/message-document';

/**
 * The search box syntax, as in Discord:
 *
 *   from:alice mentions:bob in:#general has:file before:2026-01-01 after:<message id> pinned:true
 *   hello "exact phrase"
 *
 * Operators may repeat (from:alice from:bob means either author); values may be quoted
 * (in:"#release notes"). Words and quoted phrases outside operators are the content query: all words
 * must match (in any order), each phrase as written. Anything else that looks like an operator
 * (`word:value`, not a link) is an error naming it, so a typo is never silently searched for as text.
 */
export interface ParsedQuery {
  words: string[];
  phrases: string[];
  /** Usernames or user ids. */
  from: string[];
  /** Usernames or user ids. */
  mentions: string[];
  /** Channel names (without `#`) or channel ids. */
  in: string[];
  has: HasValue[];
  /** ISO date-time or snowflake id, as written. */
  before?: string;
  after?: string;
  pinned?: boolean;
}

const QUERY_OPERATORS = ['from', 'mentions', 'in', 'has', 'before', 'after', 'pinned'] as const;
type Operator = (typeof QUERY_OPERATORS)[number];

export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
}

interface Token {
  /** Operator name when the token is `name:value`. */
  operator?: string;
  value: string;
  quoted: boolean;
}

/** Splits on whitespace, keeping "quoted strings" (also as operator values) together. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < input.length) {
    while (position < input.length && /\s/.test(input[position]!)) position++;
    if (position >= input.length) break;
    let operator: string | undefined;
    const head = /^([A-Za-z][\w-]*):(?!\/\/)/.exec(input.slice(position));
    if (head) {
      operator = head[1]!;
      position += head[0].length;
    }
    if (input[position] === '"') {
      const end = input.indexOf('"', position + 1);
      if (end < 0) throw new QuerySyntaxError('unclosed quote: add the closing "');
      tokens.push({ operator, value: input.slice(position + 1, end), quoted: true });
      position = end + 1;
      continue;
    }
    const start = position;
    while (position < input.length && !/\s/.test(input[position]!)) position++;
    tokens.push({ operator, value: input.slice(start, position), quoted: false });
  }
  return tokens;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A before/after bound: an ISO date (or date-time) or a message id. */
export function isTimeBound(value: string): boolean {
  if (isSnowflake(value)) return true;
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

export function parseQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], from: [], mentions: [], in: [], has: [] };
  for (const token of tokenize(input)) {
    if (token.operator === undefined) {
      if (token.quoted) {
        if (token.value.trim() !== '') parsed.phrases.push(token.value.trim());
      } else parsed.words.push(token.value);
      continue;
    }
    const name = token.operator.toLowerCase();
    if (!(QUERY_OPERATORS as readonly string[]).includes(name)) {
      throw new QuerySyntaxError(
        `unknown operator "${token.operator}:" (use ${QUERY_OPERATORS.map((o) => `${o}:`).join(', ')})`,
      );
    }
    const operator = name as Operator;
    const value = token.value.trim();
    if (value === '') throw new QuerySyntaxError(`operator "${operator}:" needs a value`);
    switch (operator) {
      case 'from':
      case 'mentions':
        parsed[operator].push(value.replace(/^@/, ''));
        break;
      case 'in': {
        // A channel or thread by name (#general), by id, or as a mention (<#id>).
        const channel = /^<#\d+>$/.test(value) ? value.slice(2, -1) : value.replace(/^#/, '');
        if (channel === '') throw new QuerySyntaxError('operator "in:" needs a channel name');
        parsed.in.push(channel);
        break;
      }
      case 'has': {
        const has = value.toLowerCase();
        if (!(HAS_VALUES as readonly string[]).includes(has)) {
          throw new QuerySyntaxError(
            `"has:${value}" is not supported (use has:${HAS_VALUES.join(', has:')})`,
          );
        }
        if (!parsed.has.includes(has as HasValue)) parsed.has.push(has as HasValue);
        break;
      }
      case 'before':
      case 'after':
        if (!isTimeBound(value)) {
          throw new QuerySyntaxError(
            `"${operator}:${value}" needs a date (2026-01-31 or an ISO date-time) or a message id`,
          );
        }
        if (parsed[operator] !== undefined) throw new QuerySyntaxError(`operator "${operator}:" given twice`);
        parsed[operator] = value;
        break;
      case 'pinned': {
        const flag = value.toLowerCase();
        if (flag !== 'true' && flag !== 'false') {
          throw new QuerySyntaxError(`"pinned:${value}" must be pinned:true or pinned:false`);
        }
        parsed.pinned = flag === 'true';
        break;
      }
    }
  }
  return parsed;
}
