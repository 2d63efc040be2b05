import { rule, RULE_NAME } from './no-query-builder-outside-repository';
import { ruleTester } from './rule-tester';

const query = `export class X { run(db) { return db.selectFrom('channels').select('id').execute(); } }`;

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    { filename: 'apps/chat/src/channels/channels.repository.ts', code: query },
    {
      filename: 'apps/chat/src/threads/threads.migration.ts',
      code: `db.insertInto('x').values({}).execute();`,
    },
    { filename: 'apps/chat/src/database/migrations.ts', code: `db.deleteFrom('x').execute();` },
    { filename: 'apps/chat/src/channels/channels.int-spec.ts', code: query },
    { filename: 'apps/chat/src/testing/chat-test-app.ts', code: query },
    // a method of the same name on something that is not called is not a query
    { filename: 'apps/chat/src/channels/channels.service.ts', code: `const f = db.selectFrom;` },
  ],
  invalid: [
    {
      filename: 'apps/chat/src/channels/channels.service.ts',
      code: query,
      errors: [{ messageId: 'queryOutsideRepository', data: { method: 'selectFrom' } }],
    },
    {
      filename: 'apps/chat/src/webhooks/webhooks.service.ts',
      code: `trx.updateTable('a').set({}).execute(); trx.insertInto('b').values({}).execute();`,
      errors: [
        { messageId: 'queryOutsideRepository', data: { method: 'updateTable' } },
        { messageId: 'queryOutsideRepository', data: { method: 'insertInto' } },
      ],
    },
  ],
});
