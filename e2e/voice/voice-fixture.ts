import { until } from '@bonfire/platform';
import { type Dispatch, REALTIME_PATH, type ReadyPayload } from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { Api, registerUser } from '../support/api';
import type { Stack } from '../support/stack';

export interface Person {
  id: string;
  token: string;
  api: Api;
}

export async function person(stack: Stack): Promise<Person> {
  const api = new Api(stack.gateway.url);
  const registered = await registerUser(api);
  return {
    id: registered.user.id,
    token: registered.accessToken,
    api: api.withToken(registered.accessToken),
  };
}

/**
 * A guild owned by `owner` with the others as members and one voice channel (chat learns users from
 * auth's events, so the first calls are retried until it has).
 */
export async function voiceGuild(
  owner: Person,
  members: Person[],
  voiceChannel: Record<string, unknown> = {},
): Promise<{ guildId: string; channelId: string }> {
  let guildId = '';
  await until(async () => {
    const reply = await owner.api.post<{ id: string }>('/api/v1/guilds', { name: 'Campfire' });
    guildId = reply.body.id;
    return reply.status === 201;
  }, 30_000);
  const channel = await owner.api.post<{ id: string }>(`/api/v1/guilds/${guildId}/channels`, {
    name: 'Lounge',
    type: 'voice',
    ...voiceChannel,
  });
  if (channel.status !== 201)
    throw new Error(`voice channel: ${channel.status} ${JSON.stringify(channel.body)}`);
  const invite = await owner.api.post<{ code: string }>(`/api/v1/guilds/${guildId}/invites`, {});
  for (const member of members) {
    await until(
      async () => (await member.api.post(`/api/v1/invites/${invite.body.code}`)).status < 300,
      30_000,
    );
  }
  return { guildId, channelId: channel.body.id };
}

/** A realtime connection through the gateway, recording its dispatches. */
export class RealtimeClient {
  readonly dispatches: Dispatch[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('dispatch', (dispatch: Dispatch) => this.dispatches.push(dispatch));
  }

  static open(gatewayUrl: string, token: string): Promise<RealtimeClient> {
    const socket = connect(gatewayUrl, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
    });
    const client = new RealtimeClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('ready', (_ready: ReadyPayload) => resolve(client));
    });
  }

  of<T>(type: string): T[] {
    return this.dispatches.filter((dispatch) => dispatch.type === type).map((dispatch) => dispatch.data as T);
  }

  close(): void {
    this.socket.close();
  }
}
