import { randomBytes } from 'node:crypto';
import { until } from '@bonfire/platform/testing';
import {
  type Dispatch,
  REALTIME_PATH,
  type ReadyPayload,
  VOICE_SIGNALING_NAMESPACE,
  VOICE_SIGNALING_PATH,
  type VoiceAck,
  type VoiceClientEvent,
  type VoiceClientEvents,
  type VoiceJoinResponse,
  type VoiceServerEvent,
  type VoiceServerEvents,
  type VoiceWelcome,
} from '@bonfire/contracts';
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

/** A voice signaling connection (socket.io on the voice node), recording the server's events. */
export class VoiceSignaling {
  readonly received: { event: VoiceServerEvent; data: unknown }[] = [];
  /** When each received event arrived (epoch ms), by index in `received`. */
  private readonly at = new Map<number, number>();

  private constructor(readonly socket: Socket) {
    socket.onAny((event: VoiceServerEvent, data: unknown) => {
      this.received.push({ event, data });
      this.at.set(this.received.length - 1, Date.now());
    });
  }

  /** Joins a voice channel through the gateway and connects to the node's signaling with the token. */
  static async join(member: Person, channelId: string): Promise<VoiceSignaling> {
    const joined = await member.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {});
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
    const socket = connect(`${joined.body.endpoint}${VOICE_SIGNALING_NAMESPACE}`, {
      path: VOICE_SIGNALING_PATH,
      transports: ['websocket'],
      auth: { token: joined.body.token },
      reconnection: false,
      forceNew: true,
    });
    const signaling = new VoiceSignaling(socket);
    const welcome = await new Promise<VoiceWelcome>((resolve, reject) => {
      socket.once('welcome', resolve);
      socket.once('connect_error', reject);
    });
    await signaling.ok('join', { rtpCapabilities: welcome.routerRtpCapabilities });
    return signaling;
  }

  async request<E extends VoiceClientEvent>(
    event: E,
    payload: VoiceClientEvents[E]['request'],
  ): Promise<VoiceAck<VoiceClientEvents[E]['result']>> {
    return (await this.socket.timeout(10_000).emitWithAck(event, payload)) as VoiceAck<
      VoiceClientEvents[E]['result']
    >;
  }

  async ok<E extends VoiceClientEvent>(
    event: E,
    payload: VoiceClientEvents[E]['request'],
  ): Promise<VoiceClientEvents[E]['result']> {
    const ack = await this.request(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
    return ack.data;
  }

  /** A connected send or receive transport (fake DTLS parameters: no media flows, mediasoup accepts them). */
  async transport(direction: 'send' | 'recv'): Promise<string> {
    const created = await this.ok('transport.create', { direction });
    await this.ok('transport.connect', { transportId: created.id, dtlsParameters: fakeDtlsParameters() });
    return created.id;
  }

  /** Starts a microphone producer. */
  async microphone(): Promise<{ transportId: string; producerId: string }> {
    const transportId = await this.transport('send');
    const { producerId } = await this.ok('produce', {
      transportId,
      kind: 'audio',
      rtpParameters: opusRtpParameters(),
      source: 'microphone',
    });
    return { transportId, producerId };
  }

  events<E extends VoiceServerEvent>(event: E): VoiceServerEvents[E][] {
    return this.received
      .filter((entry) => entry.event === event)
      .map((entry) => entry.data as VoiceServerEvents[E]);
  }

  /** The first matching server event (waiting for it) and when it arrived. */
  async next<E extends VoiceServerEvent>(
    event: E,
    matches: (data: VoiceServerEvents[E]) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<{ data: VoiceServerEvents[E]; at: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex(
        (entry) => entry.event === event && matches(entry.data as VoiceServerEvents[E]),
      );
      if (index >= 0)
        return { data: this.received[index]!.data as VoiceServerEvents[E], at: this.at.get(index)! };
      if (Date.now() > deadline) throw new Error(`no ${event} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** DTLS parameters a client would send: mediasoup accepts them (no DTLS handshake happens here). */
function fakeDtlsParameters(): Record<string, unknown> {
  const bytes = [...randomBytes(32)].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase());
  return { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: bytes.join(':') }] };
}

/** Opus RTP parameters as a browser sends them for a microphone. */
export function opusRtpParameters(ssrc = 1_000 + Math.floor(Math.random() * 1_000_000)) {
  return {
    mid: '0',
    codecs: [
      {
        mimeType: 'audio/opus',
        payloadType: 111,
        clockRate: 48_000,
        channels: 2,
        parameters: { minptime: 10, useinbandfec: 1 },
        rtcpFeedback: [],
      },
    ],
    headerExtensions: [],
    encodings: [{ ssrc }],
    rtcp: { cname: `e2e-${ssrc}`, reducedSize: true },
  };
}
