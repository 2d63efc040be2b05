/** A search highlight fragment (`…the <mark>word</mark>…`) as plain and marked parts, never as HTML. */
export function splitHighlight(fragment: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of fragment.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: fragment.slice(last, match.index), marked: false });
    parts.push({ text: match[1]!, marked: true });
    last = match.index + match[0].length;
  }
  if (last < fragment.length) parts.push({ text: fragment.slice(last), marked: false });
  return parts;
}
