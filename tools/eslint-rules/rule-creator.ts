import { ESLintUtils } from '@typescript-eslint/utils';

/** Each rule's documentation is its own file's header, linked from docs/CONVENTIONS.md. */
export const createRule = ESLintUtils.RuleCreator(
  (name) => `https://github.com/bonfire-chat/bonfire/blob/main/tools/eslint-rules/rules/${name}.ts`,
);
