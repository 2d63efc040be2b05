import { createRule } from '../rule-creator';

/**
 * One logger: a provider takes `ServiceLogger` in its constructor and keeps `logger.for('component')`, so its
 * lines go through the current request's or event's logger (request id, event id). Flags, in apps/, a call
 * of `createLogger` from @bonfire/platform (a separate pino, bound to nothing; main.ts may build one before
 * any Nest app exists) and `new Logger(…)` of @nestjs/common (Nest's API, kept for Nest's own logs).
 */
export const RULE_NAME = 'logger-injected';

const ALLOWED_FILE = /(\.spec\.ts|\.int-spec\.ts|test-kit\.ts)$|[/\\]testing[/\\]|[/\\]main\.ts$/;
const NEST_ALLOWED_FILE = /(\.spec\.ts|\.int-spec\.ts|test-kit\.ts)$|[/\\]testing[/\\]/;

export const rule = createRule({
  name: RULE_NAME,
  meta: {
    type: 'suggestion',
    docs: { description: "log through the injected ServiceLogger's `for(component)`" },
    messages: {
      createLogger:
        "`createLogger` outside main.ts: inject ServiceLogger and keep `logger.for('component')`.",
      nestLogger:
        "`new Logger(…)` of @nestjs/common: inject ServiceLogger and keep `logger.for('component')`.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const checkCreate = !ALLOWED_FILE.test(context.filename);
    const checkNest = !NEST_ALLOWED_FILE.test(context.filename);
    if (!checkCreate && !checkNest) return {};
    const createLoggers = new Set<string>();
    const nestLoggers = new Set<string>();
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (source !== '@bonfire/platform' && source !== '@nestjs/common') return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== 'ImportSpecifier' || specifier.imported.type !== 'Identifier') continue;
          const imported = specifier.imported.name;
          if (source === '@bonfire/platform' && imported === 'createLogger')
            createLoggers.add(specifier.local.name);
          if (source === '@nestjs/common' && imported === 'Logger') nestLoggers.add(specifier.local.name);
        }
      },
      CallExpression(node) {
        if (checkCreate && node.callee.type === 'Identifier' && createLoggers.has(node.callee.name))
          context.report({ node, messageId: 'createLogger' });
      },
      NewExpression(node) {
        if (checkNest && node.callee.type === 'Identifier' && nestLoggers.has(node.callee.name))
          context.report({ node, messageId: 'nestLogger' });
      },
    };
  },
});
