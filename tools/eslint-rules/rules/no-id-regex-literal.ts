import type { TSESTree } from '@typescript-eslint/utils';
import { ALLOW_OPTION_SCHEMA, type AllowOption, createRule, isAllowed } from '../rule-creator';

/**
 * One id schema: a snowflake is matched by `snowflakeSchema`, `isSnowflake` or `SNOWFLAKE_PATTERN` from
 * @bonfire/contracts (a decimal bitfield by `bitfieldSchema` / `BITFIELD_PATTERN`), never by a regex written
 * again. Flags regex literals and `new RegExp(…)` strings holding a run of up to 16–20 digits (`\d{1,20}`,
 * `\d{17,19}`, `[0-9]{1,19}`…). The file defining the patterns is passed in `allow`.
 */
export const RULE_NAME = 'no-id-regex-literal';

const DIGIT_RUN = /(\\d|\[0-9\])\{(\d+,)?(1[6-9]|20)\}/;

export const rule = createRule<AllowOption, 'idRegex'>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'no snowflake/bitfield regex literals: use the one pattern in @bonfire/contracts' },
    messages: {
      idRegex:
        'An id pattern written again: use snowflakeSchema / isSnowflake / SNOWFLAKE_PATTERN (or BITFIELD_PATTERN) from @bonfire/contracts.',
    },
    schema: ALLOW_OPTION_SCHEMA,
  },
  defaultOptions: [{}],
  create(context, [{ allow = [] }]) {
    if (isAllowed(context.filename, allow)) return {};
    const check = (node: TSESTree.Node, pattern: string) => {
      if (DIGIT_RUN.test(pattern)) context.report({ node, messageId: 'idRegex' });
    };
    return {
      Literal(node) {
        if ('regex' in node && node.regex) check(node, node.regex.pattern);
      },
      NewExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'RegExp') return;
        const [first] = node.arguments;
        if (first?.type === 'Literal' && typeof first.value === 'string') check(node, first.value);
        if (first?.type === 'TemplateLiteral')
          check(node, first.quasis.map((quasi) => quasi.value.raw).join(''));
      },
    };
  },
});
