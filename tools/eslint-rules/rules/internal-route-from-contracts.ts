import type { TSESTree } from '@typescript-eslint/utils';
import { ALLOW_OPTION_SCHEMA, type AllowOption, createRule, isAllowed } from '../rule-creator';

/**
 * One place for the services' internal routes: a controller mounts `INTERNAL_ROUTES.<group>` and a caller
 * builds the path with `internalPath(…)` (@bonfire/contracts internal-routes.ts), so the two cannot drift
 * apart. Flags strings and template literals holding `internal/v1` outside the file passed in `allow`.
 */
export const RULE_NAME = 'internal-route-from-contracts';

const INTERNAL_PATH = /(^|\/)internal\/v1(\/|$)/;

export const rule = createRule<AllowOption, 'internalRoute'>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'internal routes come from INTERNAL_ROUTES / internalPath in @bonfire/contracts' },
    messages: {
      internalRoute:
        'An internal route written again: mount INTERNAL_ROUTES.<group> or call internalPath(…) from @bonfire/contracts.',
    },
    schema: ALLOW_OPTION_SCHEMA,
  },
  defaultOptions: [{}],
  create(context, [{ allow = [] }]) {
    if (isAllowed(context.filename, allow)) return {};
    const check = (node: TSESTree.Node, text: string) => {
      if (INTERNAL_PATH.test(text)) context.report({ node, messageId: 'internalRoute' });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('${}'));
      },
    };
  },
});
