/* eslint-disable no-console -- an example talks to the person running it */
/**
 * A runnable tour of @bonfire/sdk from Node: register, create a guild, go live on the realtime
 * connection, send a message and see it arrive, upload a file with progress, log out.
 *
 *   BONFIRE_URL=http://localhost:8080 node --conditions=@bonfire/source --import tsx libs/sdk/examples/node-chat.ts
 *
 * (`--conditions=@bonfire/source` runs the workspace sources; after `nx build @bonfire/sdk` it is optional.)
 */
import { randomBytes } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the example imports the package the way an app does
import { BonfireApiError, BonfireClient } from '@bonfire/sdk';

const baseUrl = process.env['BONFIRE_URL'] ?? 'http://localhost:8080';

async function main(): Promise<void> {
  const client = new BonfireClient({
    baseUrl,
    onSessionEnded: ({ reason }) => console.log(`session ended: ${reason}`),
  });

  const username = `example_${randomBytes(4).toString('hex')}`;
  const { user } = await client.auth.register({
    email: `${username}@example.test`,
    username,
    password: randomBytes(12).toString('hex'),
  });
  console.log(`registered ${user.username} (${user.id})`);

  const guild = await client.guilds.create({ name: 'Example guild' });
  const channel = (await client.channels.list(guild.id)).find((candidate) => candidate.type === 'text');
  if (!channel) throw new Error('the new guild has no text channel');

  client.realtime.on('state', (state) => console.log(`realtime: ${state}`));
  const arrived = new Promise<string>((resolve) =>
    client.realtime.on('message.created', ({ message }) => resolve(message.content)),
  );
  await client.realtime.connect();
  console.log(`ready: session ${client.realtime.sessionId}`);

  await client.messages.send(channel.id, { content: 'Hello from Node!' });
  console.log(`received live: ${await arrived}`);

  const file = await client.files.uploadAttachment(
    channel.id,
    {
      data: new TextEncoder().encode('some notes\n'.repeat(1000)),
      filename: 'notes.txt',
      contentType: 'text/plain',
    },
    { onProgress: ({ fraction }) => console.log(`upload ${Math.round(fraction * 100)}%`) },
  );
  await client.messages.send(channel.id, { content: 'my notes', attachments: [file.id] });
  console.log(`uploaded ${file.filename}: ${file.size} bytes, ${file.status}`);

  try {
    await client.guilds.create({ name: 'x' });
  } catch (error) {
    if (!(error instanceof BonfireApiError)) throw error;
    console.log(`refused as expected: ${error.status} ${error.code} (${error.details.length} detail)`);
  }

  await client.auth.logout();
  client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
