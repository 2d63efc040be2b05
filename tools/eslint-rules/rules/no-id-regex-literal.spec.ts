import { rule, RULE_NAME } from './no-id-regex-literal';
import { ruleTester } from './rule-tester';

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    { code: `const name = /^[a-z0-9_]{2,32}$/;` },
    { code: `const year = /^\\d{4}$/;` },
    { code: `import { isSnowflake } from '@bonfire/contracts'; isSnowflake(x);` },
    // the one definition is allowed where it lives
    {
      filename: 'libs/contracts/src/api/input.ts',
      code: `export const SNOWFLAKE_PATTERN = /^\\d{1,19}$/;`,
      options: [{ allow: ['libs/contracts/src/api/input.ts'] }],
    },
  ],
  invalid: [
    { code: `const id = z.string().regex(/^\\d{1,20}$/);`, errors: [{ messageId: 'idRegex' }] },
    { code: `const mention = /<@!?(\\d{17,19})>/g;`, errors: [{ messageId: 'idRegex' }] },
    { code: `const id = /^[0-9]{1,19}$/;`, errors: [{ messageId: 'idRegex' }] },
    { code: `const id = new RegExp('^\\\\d{1,20}$');`, errors: [{ messageId: 'idRegex' }] },
    { code: 'const id = new RegExp(`<@(\\\\d{15,20})>`);', errors: [{ messageId: 'idRegex' }] },
  ],
});
