import {
  type DispatchFrame,
  dispatchSeqs,
  REALTIME_PATH,
  type ReadyPayload,
  type RealtimeHandshakeAuth,
} from '@bonfire/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { Api, registerUser } from './api';

/**
 * A realtime connection through the gateway (socket.io, websocket, no automatic reconnection) that keeps
 * every dispatch it gets and its `ready`. Test files extend it with the questions they ask of the stream.
 */
export class RealtimeTestClient {
  /** As they came: a protocol 2 connection's live dispatches leave `seq` out (see seqs()). */
  readonly dispatches: DispatchFrame[] = [];
  /** How many dispatches each `dispatches` batch carried (clients that asked for batches). */
  readonly batchSizes: number[] = [];
  ready?: ReadyPayload;

  constructor(readonly socket: Socket) {
    socket.on('dispatch', (dispatch: DispatchFrame) => this.dispatches.push(dispatch));
    socket.on('dispatches', (batch: DispatchFrame[]) => {
      this.batchSizes.push(batch.length);
      this.dispatches.push(...batch);
    });
  }

  of(type: string): DispatchFrame[] {
    return this.dispatches.filter((dispatch) => dispatch.type === type);
  }

  /** Each sequenced dispatch's seq, those without one counted as the previous + 1 (from `ready`: 0). */
  seqs(): number[] {
    return dispatchSeqs(this.dispatches);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/**
 * Connects with `token` (and the other handshake fields of `auth`) and resolves once `ready` came (the
 * handshake's refusal rejects).
 */
export function openRealtime<C extends RealtimeTestClient>(
  baseUrl: string,
  token: string,
  make: (socket: Socket) => C,
  auth: Omit<RealtimeHandshakeAuth, 'token'> = {},
): Promise<C> {
  const socket = connect(baseUrl, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    auth: { ...auth, token },
    reconnection: false,
  });
  const client = make(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('ready', (ready: ReadyPayload) => {
      client.ready = ready;
      resolve(client);
    });
  });
}

/** A registered user with an API client that carries their token. */
export interface TestPerson {
  id: string;
  token: string;
  api: Api;
}

export async function registerPerson(baseUrl: string): Promise<TestPerson> {
  const api = new Api(baseUrl);
  const registered = await registerUser(api);
  return {
    id: registered.user.id,
    token: registered.accessToken,
    api: api.withToken(registered.accessToken),
  };
}
