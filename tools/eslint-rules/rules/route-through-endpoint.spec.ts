import { rule, RULE_NAME } from './route-through-endpoint';
import { ruleTester } from './rule-tester';

const filename = 'apps/chat/src/things/things.controller.ts';

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    {
      filename,
      code: `@Controller('api/v1/things') class ThingsController {
        @Endpoint({ method: 'GET', summary: 'Things', response: thingsSchema }) @Public() list() {}
      }`,
    },
    // internal controllers are not in the reference: Nest's decorators are fine there
    {
      filename,
      code: `@ApiExcludeController() @Controller('internal/v1/things') class ThingsInternal {
        @Post('sync') @HttpCode(204) sync() {}
      }`,
    },
    // a class that is not a controller
    { filename, code: `class Plain { @Get() odd() {} }` },
  ],
  invalid: [
    {
      filename,
      code: `@Controller('api/v1/things') class ThingsController { @Get(':id') one() {} }`,
      errors: [{ messageId: 'useEndpoint', data: { name: 'Get' } }],
    },
    {
      filename,
      code: `@ApiTags('things') @Controller('api/v1/things') class ThingsController {
        @Endpoint({ method: 'POST', summary: 'Make one', status: 201 })
        @ApiResponse({ status: 409, description: 'TAKEN' })
        @HttpCode(200)
        make() {}
      }`,
      errors: [
        { messageId: 'useEndpoint', data: { name: 'ApiResponse' } },
        { messageId: 'useEndpoint', data: { name: 'HttpCode' } },
      ],
    },
  ],
});
