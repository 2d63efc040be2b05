/** Someone the @mention autocomplete offers. */
export interface Candidate {
  id: string;
  username: string;
  name: string;
}

/** `@username` the person typed becomes `<@id>` for the users the autocomplete knows. */
export function encodeMentions(content: string, candidates: Candidate[]): string {
  const byUsername = new Map(candidates.map((candidate) => [candidate.username.toLowerCase(), candidate.id]));
  return content.replace(/(^|[\s(])@([a-z0-9_.]{2,32})\b/gi, (whole, before: string, username: string) => {
    const id = byUsername.get(username.toLowerCase());
    return id ? `${before}<@${id}>` : whole;
  });
}
