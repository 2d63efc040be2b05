import type { TSESTree } from '@typescript-eslint/utils';
import { ALLOW_OPTION_SCHEMA, type AllowOption, createRule, isAllowed } from '../rule-creator';

/**
 * One error-code catalogue: every code a client can meet is declared once, with its status, in
 * libs/contracts/src/errors/catalogue.ts and thrown by name — `new AppError(ERROR.UNKNOWN_GUILD, '…')`,
 * `idParam(ERROR.UNKNOWN_GUILD, '…')`. Flags what lets codes drift from it:
 * - a string (or template) literal passed as the code of `new AppError(…)` or `idParam(…)`;
 * - a per-feature registry: an object `*_ERRORS` / `*_ERROR_CODES` holding code-like string literals
 *   (`{ unknownGuild: 'UNKNOWN_GUILD' }`); one whose values are `ERROR.X` is a view of the catalogue and passes;
 * - a hand-written error body `{ error: { code: 'SOME_CODE', … } }`.
 * The catalogue file itself is passed in `allow`.
 */
export const RULE_NAME = 'error-code-from-catalogue';

const CODE_LIKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$/;
const REGISTRY_NAME = /_ERRORS$|_ERROR_CODES$/;
const CODE_TAKERS: Record<string, 'new' | 'call'> = { AppError: 'new', idParam: 'call' };

type MessageId = 'literalCode' | 'registry' | 'literalBody';

export const rule = createRule<AllowOption, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'error codes come from the one catalogue in @bonfire/contracts (ERROR.X)' },
    messages: {
      literalCode:
        'An error code written as a string: use ERROR.<CODE> from @bonfire/contracts (add the code to its catalogue first).',
      registry:
        'A registry of error codes outside the catalogue: declare the codes in libs/contracts errors/catalogue.ts and use ERROR.<CODE>.',
      literalBody: 'An error body with a string code: use ERROR.<CODE> from @bonfire/contracts.',
    },
    schema: ALLOW_OPTION_SCHEMA,
  },
  defaultOptions: [{}],
  create(context, [{ allow = [] }]) {
    if (isAllowed(context.filename, allow)) return {};
    const unwrap = (node: TSESTree.Node): TSESTree.Node =>
      node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression'
        ? unwrap(node.expression)
        : node;
    const isLiteralCode = (argument: TSESTree.Node | undefined): boolean => {
      const node = argument && unwrap(argument);
      return (node?.type === 'Literal' && typeof node.value === 'string') || node?.type === 'TemplateLiteral';
    };
    const isCodeLikeString = (node: TSESTree.Node): boolean =>
      node.type === 'Literal' && typeof node.value === 'string' && CODE_LIKE.test(node.value);
    return {
      NewExpression(node) {
        if (node.callee.type !== 'Identifier' || CODE_TAKERS[node.callee.name] !== 'new') return;
        if (isLiteralCode(node.arguments[0]))
          context.report({ node: node.arguments[0]!, messageId: 'literalCode' });
      },
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || CODE_TAKERS[node.callee.name] !== 'call') return;
        if (isLiteralCode(node.arguments[0]))
          context.report({ node: node.arguments[0]!, messageId: 'literalCode' });
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || !REGISTRY_NAME.test(node.id.name) || !node.init) return;
        const init = unwrap(node.init);
        if (init.type !== 'ObjectExpression') return;
        const holdsCodes = init.properties.some(
          (property) => property.type === 'Property' && isCodeLikeString(unwrap(property.value)),
        );
        if (holdsCodes) context.report({ node: node.id, messageId: 'registry' });
      },
      Property(node) {
        // { error: { code: 'X' } }
        if (node.key.type !== 'Identifier' || node.key.name !== 'code' || !isCodeLikeString(node.value))
          return;
        const body = node.parent;
        const holder = body?.parent;
        if (
          holder?.type === 'Property' &&
          holder.key.type === 'Identifier' &&
          holder.key.name === 'error' &&
          holder.value === body
        ) {
          context.report({ node: node.value, messageId: 'literalBody' });
        }
      },
    };
  },
});
