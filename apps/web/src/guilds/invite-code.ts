/** The code from an invite link (`…/invite/CODE`) or the code itself. */
export function inviteCodeFrom(input: string): string {
  const trimmed = input.trim();
  const match = /\/invite\/([^/?#\s]+)/.exec(trimmed);
  return match ? decodeURIComponent(match[1]!) : trimmed;
}
