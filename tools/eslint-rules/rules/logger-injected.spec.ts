import { rule, RULE_NAME } from './logger-injected';
import { ruleTester } from './rule-tester';

const app = 'apps/chat/src/embeds/embeds.worker.ts';

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    // the injected logger
    {
      filename: app,
      code: `import { ServiceLogger } from '@bonfire/platform';
        export class W { private readonly logger; constructor(logger: ServiceLogger) { this.logger = logger.for('embeds'); } }`,
    },
    // main.ts runs migrations before any Nest app exists
    {
      filename: 'apps/chat/src/main.ts',
      code: `import { createLogger } from '@bonfire/platform'; createLogger('chat');`,
    },
    // tests may build their own
    {
      filename: 'apps/chat/src/embeds/embeds.spec.ts',
      code: `import { Logger } from '@nestjs/common'; new Logger('x');`,
    },
    // a Logger or createLogger of another origin
    { filename: app, code: `import { Logger } from './my-logger'; new Logger();` },
    { filename: app, code: `import { createLogger } from './my-logger'; createLogger();` },
  ],
  invalid: [
    {
      filename: app,
      code: `import { createLogger } from '@bonfire/platform'; const l = createLogger('chat', 'info').child({});`,
      errors: [{ messageId: 'createLogger' }],
    },
    {
      filename: app,
      code: `import { Logger } from '@nestjs/common'; class S { private readonly logger = new Logger(S.name); }`,
      errors: [{ messageId: 'nestLogger' }],
    },
    {
      filename: 'apps/chat/src/main.ts',
      code: `import { Logger as NestLogger } from '@nestjs/common'; new NestLogger('boot');`,
      errors: [{ messageId: 'nestLogger' }],
    },
  ],
});
