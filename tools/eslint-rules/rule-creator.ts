import { ESLintUtils } from '@typescript-eslint/utils';

/** Each rule's documentation is its own file's header, linked from docs/CONVENTIONS.md. */
export const createRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/bonfire-chat/bonfire/blob/main/tools/eslint-rules/rules/${name}.ts`,
);

/** The `allow` option of rules with one sanctioned place: file path suffixes the rule leaves alone. */
export type AllowOption = [{ allow?: string[] }];

export const ALLOW_OPTION_SCHEMA = [
  {
    type: 'object' as const,
    properties: { allow: { type: 'array' as const, items: { type: 'string' as const } } },
    additionalProperties: false,
  },
];

/** Whether the linted file is one the `allow` option names (by path suffix, `/` on every platform). */
export function isAllowed(filename: string, allow: readonly string[]): boolean {
  const path = filename.replace(/\\/g, '/');
  return allow.some((suffix) => path.endsWith(suffix));
}
