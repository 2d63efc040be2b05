import { rule, RULE_NAME } from './internal-route-from-contracts';
import { ruleTester } from './rule-tester';

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    {
      code: `@Controller(INTERNAL_ROUTES.realtime.controller) class C { @Get(INTERNAL_ROUTES.realtime.state) s() {} }`,
    },
    { code: `request({ path: internalPath('realtime', 'visibleChannels', { guildId }) });` },
    { code: `const path = \`\${internalPath('search', 'users')}?\${query}\`;` },
    { code: `const route = '/api/v1/guilds/internal';` },
    { code: `const word = 'internal/v10';` },
    // the one definition is allowed where it lives
    {
      filename: 'libs/contracts/src/internal-routes.ts',
      code: `export const INTERNAL_ROUTES = { auth: { controller: 'internal/v1/auth' } };`,
      options: [{ allow: ['libs/contracts/src/internal-routes.ts'] }],
    },
  ],
  invalid: [
    { code: `@Controller('internal/v1/realtime') class C {}`, errors: [{ messageId: 'internalRoute' }] },
    { code: `get('/internal/v1/realtime/state');`, errors: [{ messageId: 'internalRoute' }] },
    {
      code: 'get(`/internal/v1/realtime/guilds/${encodeURIComponent(id)}/visible-channels`);',
      errors: [{ messageId: 'internalRoute' }],
    },
    { code: 'get(`/internal/v1`);', errors: [{ messageId: 'internalRoute' }] },
  ],
});
