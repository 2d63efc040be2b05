import { rule, RULE_NAME } from './error-code-from-catalogue';
import { ruleTester } from './rule-tester';

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    { code: `throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');` },
    { code: `throw new AppError(code, message, { details });` },
    { code: `const pipe = idParam(ERROR.UNKNOWN_ROLE, 'Unknown role.');` },
    // a view of the catalogue by name (the realtime protocol's codes)
    { code: `export const REALTIME_ERROR_CODES = { unavailable: ERROR.UNAVAILABLE } as const;` },
    // not codes: S3's error names in a set, a registry of numbers, a detail code in lower case
    { code: `const CLIENT_PART_ERRORS = new Set(['NoSuchUpload', 'InvalidPart']);` },
    { code: `const LIMIT_ERRORS = { max: 10 };` },
    { code: `const details = [{ field: 'body.name', code: 'too_big', message: 'too long' }];` },
    { code: `const reason = { code: 'SHUTTING_DOWN' };` },
    { code: `const body = { error: { code: ERROR.METHOD_NOT_ALLOWED, message: 'no' } };` },
    // the catalogue itself
    {
      filename: 'libs/contracts/src/errors/catalogue.ts',
      code: `export const ERROR_CODES = { UNKNOWN_GUILD: 'UNKNOWN_GUILD' };`,
      options: [{ allow: ['libs/contracts/src/errors/catalogue.ts'] }],
    },
  ],
  invalid: [
    {
      code: `throw new AppError('UNKNOWN_GUILD', 'Unknown guild.');`,
      errors: [{ messageId: 'literalCode' }],
    },
    { code: 'throw new AppError(`HTTP_${status}`, message);', errors: [{ messageId: 'literalCode' }] },
    { code: `throw new AppError('NO_SUCH_CODE' as never, 'm');`, errors: [{ messageId: 'literalCode' }] },
    {
      code: `const pipe = idParam('UNKNOWN_ROLE', 'Unknown role.');`,
      errors: [{ messageId: 'literalCode' }],
    },
    {
      code: `export const GUILD_ERROR_CODES = { unknownGuild: 'UNKNOWN_GUILD', ownerOnly: 'OWNER_ONLY' } as const;`,
      errors: [{ messageId: 'registry' }],
    },
    {
      code: `export const DOWNLOAD_ERRORS = { noThumbnail: 'NO_THUMBNAIL' };`,
      errors: [{ messageId: 'registry' }],
    },
    {
      code: `const body = JSON.stringify({ error: { code: 'METHOD_NOT_ALLOWED', message: 'no' } });`,
      errors: [{ messageId: 'literalBody' }],
    },
  ],
});
