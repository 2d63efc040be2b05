import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VoiceChannelAccessAnswer } from '@bonfire/contracts';
import { IDENTITY_HEADER, verifyIdentity } from '@bonfire/platform';

interface FakeChannel {
  guildId: string;
  type: VoiceChannelAccessAnswer['type'];
  userLimit: number | null;
  /** Permissions by user id; users not listed cannot see the channel (404). */
  permissions: Map<string, bigint>;
}

/**
 * Chat's two internal routes voice calls, answered from a table the test fills (the real route is tested
 * in apps/chat, and end to end in e2e/voice). It checks the signed identity header as chat does.
 */
export class FakeChat {
  /** Requests answered so far (a test can check that nothing asked chat). */
  requests = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly channels: Map<string, FakeChannel>,
  ) {}

  static async start(secret: string): Promise<FakeChat> {
    const channels = new Map<string, FakeChannel>();
    let chat: FakeChat | undefined = undefined;
    const server = createServer((request, response) => {
      if (chat) chat.requests += 1;
      const identity = verifyIdentity(secret, request.headers[IDENTITY_HEADER] as string | undefined);
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (!identity) return reply(401, { error: { code: 'UNAUTHORIZED', message: 'no identity' } });
      const access = /^\/internal\/v1\/voice\/channels\/(\d+)\/access$/.exec(request.url ?? '');
      if (access) {
        const channelId = access[1]!;
        const channel = channels.get(channelId);
        const permissions = channel?.permissions.get(identity.userId);
        if (!channel || permissions === undefined) {
          return reply(404, { error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } });
        }
        const answer: VoiceChannelAccessAnswer = {
          channelId,
          guildId: channel.guildId,
          type: channel.type,
          userLimit: channel.userLimit,
          permissions: String(permissions),
        };
        return reply(200, answer);
      }
      const visible = /^\/internal\/v1\/realtime\/guilds\/(\d+)\/visible-channels$/.exec(request.url ?? '');
      if (visible) {
        const guildId = visible[1]!;
        const channelIds = [...channels]
          .filter(([, channel]) => channel.guildId === guildId && channel.permissions.has(identity.userId))
          .map(([id]) => id);
        if (channelIds.length === 0) return reply(404, { error: { code: 'UNKNOWN_GUILD', message: 'no' } });
        return reply(200, { guildId, channelIds });
      }
      return reply(404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    chat = new FakeChat(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, channels);
    return chat;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
