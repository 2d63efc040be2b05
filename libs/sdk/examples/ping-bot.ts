/* eslint-disable no-console -- an example talks to the person running it */
/**
 * A bot on @bonfire/sdk: connects with its bot token and answers `!ping` in any channel it sees with
 * `pong (N ms)`, N the time since the message was created.
 *
 *   BONFIRE_URL=http://localhost:8080 BONFIRE_BOT_TOKEN=… \
 *     node --conditions=@bonfire/source --import tsx libs/sdk/examples/ping-bot.ts
 *
 * Get a token: create an application (`client.applications.create({ name })`), then
 * `client.applications.resetBotToken(application.id)`; add the bot to a guild with the authorise link
 * (`/api/v1/oauth2/authorize?client_id=<application id>&permissions=…`). Stops on SIGINT/SIGTERM.
 */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the example imports the package the way an app does
import { BonfireClient, type IntentName } from '@bonfire/sdk';

/** What the bot asks the gateway for: guild and DM messages, with their content. */
const INTENTS: IntentName[] = ['GUILDS', 'GUILD_MESSAGES', 'MESSAGE_CONTENT', 'DIRECT_MESSAGES'];

export interface PingBot {
  client: BonfireClient;
  userId: string;
  stop(): void;
}

export async function startPingBot(options: { baseUrl: string; botToken: string }): Promise<PingBot> {
  const client = new BonfireClient({
    baseUrl: options.baseUrl,
    botToken: options.botToken,
    intents: INTENTS,
    onSessionEnded: ({ reason }) => console.log(`session ended: ${reason}`),
  });
  const me = await client.users.me();
  client.realtime.on('message.created', ({ message }) => {
    if (message.authorId === me.id || message.content.trim() !== '!ping') return;
    const latency = Math.max(0, Date.now() - Date.parse(message.createdAt));
    client.messages
      .send(message.channelId, { content: `pong (${latency} ms)` })
      .then(() => console.log(`answered !ping in ${message.channelId} (${latency} ms)`))
      .catch((error: unknown) => console.error('could not answer:', error));
  });
  await client.realtime.connect();
  console.log(`ready as ${me.username} (${me.id})`);
  return { client, userId: me.id, stop: () => client.close() };
}

async function main(): Promise<void> {
  const botToken = process.env['BONFIRE_BOT_TOKEN'];
  if (!botToken) throw new Error('set BONFIRE_BOT_TOKEN');
  const bot = await startPingBot({
    baseUrl: process.env['BONFIRE_URL'] ?? 'http://localhost:8080',
    botToken,
  });
  const stop = () => {
    bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  bot.client.onSessionEnded(() => process.exit(2));
}

if (process.env['BONFIRE_BOT_TOKEN'] !== undefined && !process.env['VITEST']) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
