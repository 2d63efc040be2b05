import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../rule-creator';

/**
 * Infrastructure reaches an app through DI: clients of Redis, Kafka, Postgres, S3, Elasticsearch and mail are
 * constructed by modules in libs/ (which own their lifecycle, health and shutdown) and injected, never
 * `new`-ed in an app. Flags `new Redis(…)`, `new S3Client(…)`… and calls of `createTransport`/`createClient`
 * whose binding was imported from one of those packages.
 */
export const RULE_NAME = 'no-infrastructure-client-in-apps';

const INFRASTRUCTURE_PACKAGES = new Set([
  'ioredis',
  'kafkajs',
  'pg',
  'kysely',
  '@aws-sdk/client-s3',
  '@elastic/elasticsearch',
  '@electric-sql/pglite',
  'nodemailer',
]);
const FACTORY_FUNCTIONS = new Set(['createTransport', 'createClient']);
/** The clients themselves (not request objects such as S3's `PutObjectCommand`). */
const CLIENT_CLASSES = new Set([
  'Redis',
  'Cluster',
  'Kafka',
  'Pool',
  'Client',
  'Kysely',
  'PGlite',
  'S3Client',
]);
const ALLOWED_FILE = /(\.spec\.ts|\.int-spec\.ts|test-kit\.ts)$|[/\\]testing[/\\]/;

export const rule = createRule({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: 'no infrastructure client constructed in apps/: inject the one libs/ provides' },
    messages: {
      constructedInApp:
        '`{{name}}` from {{source}} is constructed in an app: provide it from a libs/ module and inject it.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    if (ALLOWED_FILE.test(context.filename)) return {};
    const importedFrom = new Map<string, string>();
    const check = (node: TSESTree.Node, callee: TSESTree.Node) => {
      if (callee.type !== 'Identifier') return;
      const source = importedFrom.get(callee.name);
      if (source)
        context.report({ node, messageId: 'constructedInApp', data: { name: callee.name, source } });
    };
    return {
      ImportDeclaration(node) {
        if (!INFRASTRUCTURE_PACKAGES.has(node.source.value)) return;
        for (const specifier of node.specifiers) {
          const name =
            specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : specifier.local.name;
          // a default or namespace import (`import Redis from 'ioredis'`, `import * as pg`) is checked by use
          if (
            specifier.type !== 'ImportSpecifier' ||
            CLIENT_CLASSES.has(name) ||
            FACTORY_FUNCTIONS.has(name)
          ) {
            importedFrom.set(specifier.local.name, node.source.value);
          }
        }
      },
      NewExpression(node) {
        if (node.callee.type === 'MemberExpression') {
          // `new pg.Pool(…)`: the namespace comes from an infrastructure package, the member is a client
          const { object, property } = node.callee;
          if (property.type === 'Identifier' && CLIENT_CLASSES.has(property.name)) check(node, object);
          return;
        }
        check(node, node.callee);
      },
      CallExpression(node) {
        const { callee } = node;
        if (callee.type === 'Identifier' && FACTORY_FUNCTIONS.has(callee.name)) check(node, callee);
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          FACTORY_FUNCTIONS.has(callee.property.name)
        ) {
          check(node, callee.object);
        }
      },
    };
  },
});
