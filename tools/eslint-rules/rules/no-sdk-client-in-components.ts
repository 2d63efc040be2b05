import type { TSESTree } from '@typescript-eslint/utils';
import { ALLOW_OPTION_SCHEMA, type AllowOption, createRule, isAllowed } from '../rule-creator';

/**
 * The web client's components call the SDK only through the store: its action modules
 * (`store.guildActions.update(…)`, `store.socialActions.openDm(…)`…) and selectors (`store.fileUrl(…)`), so
 * every request, and what its answer does to the state, is in `apps/web/src/store/`. In a `.tsx` file this
 * flags `useClient()`, reading `.client` (`store.client`, `useStore().client`), destructuring `client`
 * from the store, and importing `BonfireClient` (a component handed the client as a prop). The screens
 * shown before sign-in have no store; they are passed in `allow` (path suffixes).
 */
export const RULE_NAME = 'no-sdk-client-in-components';

export const rule = createRule<AllowOption, 'useClient' | 'clientMember' | 'clientImport'>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'web components call the SDK only through the store (action modules, selectors)' },
    messages: {
      useClient:
        '`useClient()` in a component: call the SDK through a store action (`useStore().<domain>Actions`).',
      clientMember:
        'The SDK client read in a component: call it through a store action (`store.<domain>Actions`) or selector.',
      clientImport:
        '`BonfireClient` in a component: only the screens before sign-in take the client; use the store.',
    },
    schema: ALLOW_OPTION_SCHEMA,
  },
  defaultOptions: [{}],
  create(context, [{ allow = [] }]) {
    if (!context.filename.endsWith('.tsx') || isAllowed(context.filename, allow)) return {};
    const isClientKey = (key: TSESTree.Node) => key.type === 'Identifier' && key.name === 'client';
    return {
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'useClient')
          context.report({ node, messageId: 'useClient' });
      },
      MemberExpression(node) {
        if (!node.computed && isClientKey(node.property)) context.report({ node, messageId: 'clientMember' });
      },
      'VariableDeclarator > ObjectPattern.id > Property'(node: TSESTree.Property) {
        if (!node.computed && isClientKey(node.key)) context.report({ node, messageId: 'clientMember' });
      },
      ImportDeclaration(node) {
        if (!node.source.value.startsWith('@bonfire/sdk')) return;
        for (const specifier of node.specifiers) {
          if (
            specifier.type === 'ImportSpecifier' &&
            specifier.imported.type === 'Identifier' &&
            specifier.imported.name === 'BonfireClient'
          ) {
            context.report({ node: specifier, messageId: 'clientImport' });
          }
        }
      },
    };
  },
});
