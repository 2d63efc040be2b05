import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rule, RULE_NAME } from './route-public-agrees-with-gateway';
import { ruleTester } from './rule-tester';

const routesFile = join(mkdtempSync(join(tmpdir(), 'routes-')), 'routes.json');
writeFileSync(
  routesFile,
  JSON.stringify({
    public: ['POST /api/v1/auth/login', 'GET /api/v1/invites/:code', 'GET /storage/*', 'GET /api/v1/files/*'],
  }),
);
const options = [{ routesFile }];

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    {
      code: `@Controller('api/v1/auth') class A { @Public() @Post('login') login() {} @Get('me') me() {} }`,
      options,
    },
    // parameter names do not matter
    { code: `@Controller('api/v1/invites') class I { @Public() @Get(':inviteCode') get() {} }`, options },
    // a class-wide @Public()
    { code: `@Public() @Controller('api/v1/invites') class I { @Get(':code') get() {} }`, options },
    // `*` matches the rest of the path
    { code: `@Controller('api/v1/files') class F { @Public() @Get(':id/thumbnail') get() {} }`, options },
    // internal routes are not behind the gateway
    { code: `@Controller('internal/v1/auth') class N { @Public() @Get('keys') keys() {} }`, options },
    // computed paths are not checked
    { code: `@Controller(PATH) class S { @Public() @Get('x') x() {} }`, options },
  ],
  invalid: [
    {
      code: `@Controller('api/v1/auth') class A { @Public() @Post('register') register() {} }`,
      options,
      errors: [{ messageId: 'publicNotListed', data: { route: 'POST /api/v1/auth/register' } }],
    },
    {
      code: `@Controller('api/v1/invites') class I { @Get(':code') get() {} }`,
      options,
      errors: [
        {
          messageId: 'listedNotPublic',
          data: { route: 'GET /api/v1/invites/:', entry: 'GET /api/v1/invites/:code' },
        },
      ],
    },
  ],
});
