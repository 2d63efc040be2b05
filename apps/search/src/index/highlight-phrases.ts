import { HIGHLIGHT_TAGS } from './message-index';

const { pre, post } = HIGHLIGHT_TAGS;
const MARK = new RegExp(`${pre}([^<]*)${post}`, 'g');
/** Marked words with only spaces or punctuation between them. */
const RUN = new RegExp(`${pre}[^<]*${post}(?:[^\\p{L}\\p{N}<]+${pre}[^<]*${post})+`, 'gu');

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Marks each phrase match as one span (`<mark>exact phrase</mark>`), as Elasticsearch does, where
 * ts_headline marks its words one by one (`<mark>exact</mark> <mark>phrase</mark>`). Adjacent marks
 * are joined only where their words, in order, are a whole phrase of the query.
 */
export function markPhrasesWhole(fragment: string, phrases: readonly string[]): string {
  const wanted = phrases.map(words).filter((tokens) => tokens.length > 1);
  if (wanted.length === 0) return fragment;
  return fragment.replace(RUN, (run) => {
    const marks = [...run.matchAll(MARK)].map((match) => ({
      text: match[1]!,
      start: match.index,
      end: match.index + match[0].length,
    }));
    const between = (i: number) => run.slice(marks[i]!.end, marks[i + 1]!.start);
    let out = '';
    for (let i = 0; i < marks.length;) {
      const length = longestPhraseAt(
        marks.slice(i).map((mark) => mark.text),
        wanted,
      );
      const last = i + Math.max(length, 1) - 1;
      let text = marks[i]!.text;
      for (let k = i; k < last; k++) text += between(k) + marks[k + 1]!.text;
      out += `${pre}${text}${post}`;
      if (last + 1 < marks.length) out += between(last);
      i = last + 1;
    }
    return out;
  });
}

/** How many of `marked` (from the first) make up the longest whole phrase, or 0. */
function longestPhraseAt(marked: readonly string[], phrases: readonly string[][]): number {
  let best = 0;
  for (const phrase of phrases) {
    if (phrase.length <= best || phrase.length > marked.length) continue;
    if (phrase.every((word, k) => words(marked[k]!).join(' ') === word)) best = phrase.length;
  }
  return best;
}
