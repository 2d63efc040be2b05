import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../rule-creator';

/**
 * Only repositories touch the database: Kysely's query builders (`selectFrom`, `insertInto`, `updateTable`,
 * `deleteFrom`, `replaceInto`, `mergeInto`) are called in `*.repository.ts` files, migrations and tests only.
 * A service that needs a query asks its repository, passing the executor it holds (e.g. a transaction).
 */
export const RULE_NAME = 'no-query-builder-outside-repository';

const QUERY_BUILDERS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);
const ALLOWED_FILE =
  /(\.repository\.ts|\.migration\.ts|[/\\]migrations\.ts|\.spec\.ts|\.int-spec\.ts|test-kit\.ts)$|[/\\]testing[/\\]/;

export const rule = createRule({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'Kysely query builders only in *.repository.ts (and migrations, tests)' },
    messages: {
      queryOutsideRepository:
        '`{{method}}` builds a query outside a repository: move it into a `*.repository.ts` method that takes the executor.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (ALLOWED_FILE.test(context.filename)) return {};
    return {
      'CallExpression > MemberExpression.callee'(node: TSESTree.MemberExpression) {
        if (node.property.type === 'Identifier' && QUERY_BUILDERS.has(node.property.name)) {
          context.report({
            node: node.property,
            messageId: 'queryOutsideRepository',
            data: { method: node.property.name },
          });
        }
      },
    };
  },
});
