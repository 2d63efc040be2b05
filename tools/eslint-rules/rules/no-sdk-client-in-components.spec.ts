import { rule, RULE_NAME } from './no-sdk-client-in-components';
import { ruleTester } from './rule-tester';

const component = 'apps/web/src/guild-settings/BansTab.tsx';
const preSignIn = ['apps/web/src/app/App.tsx', 'apps/web/src/auth/AuthScreen.tsx'];

ruleTester.run(RULE_NAME, rule as never, {
  valid: [
    // through the store's action modules and selectors
    {
      filename: component,
      code: `const store = useStore(); await store.guildActions.unban(guildId, userId); store.fileUrl(id, 'small');`,
    },
    {
      filename: component,
      code: `const social = useStore().socialActions; const view = <button onClick={() => social.block(id)} />;`,
    },
    // hooks and effects (.ts) wire the SDK for the components
    { filename: 'apps/web/src/uploads/useUploads.ts', code: `const client = useClient(); client.files.x();` },
    { filename: 'apps/web/src/store/effects/guild-actions.ts', code: `this.kernel.client.guilds.ban(g, u);` },
    // a name that only contains the word
    { filename: component, code: `const { clientX } = event; const id = query.clientId;` },
    // the screens before sign-in have no store
    {
      filename: 'apps/web/src/auth/AuthScreen.tsx',
      code: `import type { BonfireClient } from '@bonfire/sdk'; props.client.auth.login(body);`,
      options: [{ allow: preSignIn }],
    },
  ],
  invalid: [
    {
      filename: component,
      code: `const client = useClient(); client.guilds.bans(guildId);`,
      errors: [{ messageId: 'useClient' }],
    },
    {
      filename: component,
      code: `const store = useStore(); await store.client.guilds.unban(guildId, userId);`,
      errors: [{ messageId: 'clientMember' }],
    },
    {
      filename: component,
      code: `const img = <img src={useStore().client.files.publicFileUrl(id)} />;`,
      errors: [{ messageId: 'clientMember' }],
    },
    {
      filename: component,
      code: `const { client } = useStore();`,
      errors: [{ messageId: 'clientMember' }],
    },
    {
      filename: 'apps/web/src/guilds/JoinGuildDialog.tsx',
      code: `import { type BonfireClient, type Guild } from '@bonfire/sdk'; export function Join(props: { client: BonfireClient }) {}`,
      errors: [{ messageId: 'clientImport' }],
      options: [{ allow: preSignIn }],
    },
  ],
});
