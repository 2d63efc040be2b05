import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../rule-creator';

/**
 * One decorator per route: in a controller that is part of the API reference (no `@ApiExcludeController()`),
 * a route is declared with `@Endpoint({...})` from @bonfire/platform, which sets the method, path, status and
 * the OpenAPI details from the route's zod schemas — never with Nest's `@Get()`/`@Post()`… or hand-written
 * `@ApiOperation`/`@ApiBody`/`@Api…Response` decorators, which drift from the code. Internal controllers
 * (excluded from the reference) keep Nest's route decorators.
 */
export const RULE_NAME = 'route-through-endpoint';

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'HttpCode']);
const DOC_DECORATORS = new Set([
  'ApiOperation',
  'ApiBody',
  'ApiResponse',
  'ApiOkResponse',
  'ApiCreatedResponse',
  'ApiAcceptedResponse',
  'ApiNoContentResponse',
]);

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expression = decorator.expression;
  const callee = expression.type === 'CallExpression' ? expression.callee : expression;
  return callee.type === 'Identifier' ? callee.name : null;
}

export const rule = createRule<[], 'useEndpoint'>({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'routes of documented controllers are declared with @Endpoint' },
    messages: {
      useEndpoint:
        '@{{name}} on a documented route: declare the route with one @Endpoint({...}) (method, path, status, summary, body, query, response, errors).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      ClassDeclaration(node) {
        const names = (node.decorators ?? []).map(decoratorName);
        if (!names.includes('Controller') || names.includes('ApiExcludeController')) return;
        for (const member of node.body.body) {
          if (member.type !== 'MethodDefinition') continue;
          for (const decorator of member.decorators ?? []) {
            const name = decoratorName(decorator);
            if (name && (ROUTE_DECORATORS.has(name) || DOC_DECORATORS.has(name))) {
              context.report({ node: decorator, messageId: 'useEndpoint', data: { name } });
            }
          }
        }
      },
    };
  },
});
