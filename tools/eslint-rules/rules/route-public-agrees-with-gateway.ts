import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workspaceRoot } from '@nx/devkit';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../rule-creator';

/**
 * Every route is identity-guarded (the platform's global IdentityGuard) unless it is marked `@Public()`, and
 * the gateway lets a request through without a token only for the routes in its routes.json `public` list.
 * The two must agree: a `@Public()` route the gateway does not list can never be reached without a token,
 * and a listed route that is not `@Public()` answers every anonymous caller 401. Checked for routes behind
 * the gateway (`/api/…`, `/.well-known/…`) whose controller and method paths are string literals.
 */
export const RULE_NAME = 'route-public-agrees-with-gateway';

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head']);

interface PublicEntry {
  entry: string;
  exact?: string;
  prefix?: string;
}

/** `POST /api/v1/guilds/:guildId` → `POST /api/v1/guilds/:` (parameter names do not matter). */
function normalise(method: string, path: string): string {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? ':' : segment));
  return `${method.toUpperCase()} /${segments.join('/')}`;
}

const loaded = new Map<string, PublicEntry[]>();
function publicRoutes(routesFile: string): PublicEntry[] {
  let entries = loaded.get(routesFile);
  if (!entries) {
    const file = JSON.parse(readFileSync(routesFile, 'utf8')) as { public: string[] };
    entries = file.public.map((entry) => {
      const [method = '', path = ''] = entry.split(' ');
      const normalised = normalise(method, path);
      // `*` matches the rest of the path, as in the gateway's routing table
      return normalised.endsWith('/*')
        ? { entry, prefix: normalised.slice(0, -1) }
        : { entry, exact: normalised };
    });
    loaded.set(routesFile, entries);
  }
  return entries;
}

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const { expression } = decorator;
  return expression.type === 'CallExpression' && expression.callee.type === 'Identifier'
    ? expression.callee.name
    : null;
}

/** The decorator's first argument if it is a string literal ('' when absent), null when computed. */
function literalArgument(decorator: TSESTree.Decorator): string | null {
  if (decorator.expression.type !== 'CallExpression') return null;
  const [first] = decorator.expression.arguments;
  if (first === undefined) return '';
  return first.type === 'Literal' && typeof first.value === 'string' ? first.value : null;
}

export const rule = createRule<[{ routesFile?: string }], 'publicNotListed' | 'listedNotPublic'>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: { description: "@Public() routes and the gateway's routes.json public list agree" },
    messages: {
      publicNotListed:
        '`{{route}}` is @Public() but not in routes.json `public`: the gateway asks for a token. Add it there or drop @Public().',
      listedNotPublic:
        '`{{route}}` is in routes.json `public` as `{{entry}}` but not @Public(): every anonymous caller gets 401.',
    },
    schema: [{ type: 'object', properties: { routesFile: { type: 'string' } }, additionalProperties: false }],
  },
  defaultOptions: [{}],
  create(context, [{ routesFile = 'apps/gateway/routes.json' }]) {
    // relative to the workspace, not to the linted project (`nx run-many -t lint` lints from each project)
    const listed = publicRoutes(resolve(workspaceRoot, routesFile));
    const find = (route: string) =>
      listed.find(
        (candidate) => candidate.exact === route || (candidate.prefix && route.startsWith(candidate.prefix)),
      );
    return {
      ClassDeclaration(node) {
        const controller = node.decorators.find((decorator) => decoratorName(decorator) === 'Controller');
        const base = controller ? literalArgument(controller) : null;
        if (base === null) return;
        const classPublic = node.decorators.some((decorator) => decoratorName(decorator) === 'Public');
        for (const member of node.body.body) {
          if (member.type !== 'MethodDefinition') continue;
          const http = member.decorators.find((decorator) =>
            HTTP_METHODS.has(decoratorName(decorator) ?? ''),
          );
          const path = http ? literalArgument(http) : null;
          if (!http || path === null) continue;
          const route = normalise(decoratorName(http)!, `${base}/${path}`);
          if (!/^\w+ \/(api|\.well-known)\//.test(route)) continue; // not behind the gateway
          const isPublic =
            classPublic || member.decorators.some((decorator) => decoratorName(decorator) === 'Public');
          const entry = find(route);
          if (isPublic && !entry)
            context.report({ node: http, messageId: 'publicNotListed', data: { route } });
          if (!isPublic && entry) {
            context.report({ node: http, messageId: 'listedNotPublic', data: { route, entry: entry.entry } });
          }
        }
      },
    };
  },
});
