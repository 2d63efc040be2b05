/**
 * A receiving socket.io client for the benchmarks' client workers (BENCH_CLIENT=lean): the engine.io v4
 * and socket.io v5 text protocols over one `ws` WebSocket, the websocket transport only, and only what a
 * client that listens needs — connect with `auth`, answer the server's pings, notice a missed one, and
 * decode each event once (one JSON.parse). socket.io-client does the same work through two layers of
 * packet objects and emitters. The benchmarks' clients share the 2 cores with the servers they measure,
 * so a lighter client leaves the servers more of the machine: the figures move toward what the servers
 * would do with their clients on other machines. Events the client sends are not supported (the
 * benchmarks send through HTTP).
 */
import WebSocket from 'ws';

/** Listeners take what the event carries (typed by the caller, as with socket.io-client's untyped events). */
type Listener = (...args: never[]) => void;
type Call = (...args: unknown[]) => void;

/** engine.io packet types (first character of a text frame). */
const ENGINE = { open: '0', close: '1', ping: '2', pong: '3', message: '4' } as const;
/** socket.io packet types (the character after engine.io's `4`). */
const SOCKET_IO = { connect: '0', disconnect: '1', event: '2', connectError: '4' } as const;

interface OpenPacket {
  pingInterval: number;
  pingTimeout: number;
}

export class LeanSocket {
  connected = false;
  private readonly ws: WebSocket;
  private readonly listeners = new Map<string, Listener[]>();
  private pingTimer: NodeJS.Timeout | undefined;
  private pingDeadlineMs = 0;
  private closedBy: string | null = null;

  /** `url`: the server's origin (http or ws); `path`: the socket.io path (the gateway's `/realtime`). */
  constructor(url: string, options: { path: string; auth: object }) {
    const target = new URL(options.path.replace(/\/?$/, '/'), url);
    target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
    target.search = '?EIO=4&transport=websocket';
    this.ws = new WebSocket(target, { skipUTF8Validation: true });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) this.onFrame(data.toString('utf8'), options.auth);
    });
    this.ws.on('error', (error: Error) => {
      if (!this.connected) this.emit('connect_error', error);
    });
    this.ws.on('close', () => this.closed(this.closedBy ?? 'transport close'));
  }

  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event);
    if (list) list.push(listener);
    else this.listeners.set(event, [listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper: Call = (...args) => {
      this.off(event, wrapper);
      (listener as Call)(...args);
    };
    return this.on(event, wrapper);
  }

  /** Leaves the namespace and closes the connection (reason `io client disconnect`, as socket.io-client). */
  disconnect(): void {
    if (this.ws.readyState === WebSocket.OPEN && this.connected) {
      this.ws.send(ENGINE.message + SOCKET_IO.disconnect);
    }
    this.closedBy = 'io client disconnect';
    this.ws.close();
    this.closed('io client disconnect');
  }

  private off(event: string, listener: Listener): void {
    const list = this.listeners.get(event);
    if (!list) return;
    const index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  }

  private emit(event: string, ...args: unknown[]): void {
    const list = this.listeners.get(event);
    if (!list) return;
    for (const listener of list.length === 1 ? list : [...list]) (listener as Call)(...args);
  }

  private onFrame(frame: string, auth: object): void {
    const engineType = frame[0];
    if (engineType === ENGINE.message) {
      this.onSocketIoPacket(frame);
    } else if (engineType === ENGINE.ping) {
      this.ws.send(ENGINE.pong);
      this.armPingDeadline();
      this.emit('ping');
    } else if (engineType === ENGINE.open) {
      const open = JSON.parse(frame.slice(1)) as OpenPacket;
      this.pingDeadlineMs = open.pingInterval + open.pingTimeout;
      this.armPingDeadline();
      this.ws.send(ENGINE.message + SOCKET_IO.connect + JSON.stringify(auth));
    } else if (engineType === ENGINE.close) {
      this.closedBy = 'transport close';
      this.ws.close();
    }
  }

  private onSocketIoPacket(frame: string): void {
    const type = frame[1];
    if (type === SOCKET_IO.event) {
      // `42[...]`, or `42<ack id>[...]` when the server asks for an answer (never, to these clients).
      let start = 2;
      while (start < frame.length && frame[start] !== '[') start++;
      const [event, ...args] = JSON.parse(frame.slice(start)) as [string, ...unknown[]];
      this.emit(event, ...args);
    } else if (type === SOCKET_IO.connect) {
      this.connected = true;
    } else if (type === SOCKET_IO.connectError) {
      const error = JSON.parse(frame.slice(2)) as { message?: string };
      this.closedBy = 'connect error';
      this.emit('connect_error', new Error(error.message ?? 'connect error'));
      this.ws.close();
    } else if (type === SOCKET_IO.disconnect) {
      this.closedBy = 'io server disconnect';
      this.ws.close();
    }
  }

  /** socket.io-client's rule: no ping within the server's interval plus its timeout closes the connection. */
  private armPingDeadline(): void {
    clearTimeout(this.pingTimer);
    this.pingTimer = setTimeout(() => {
      this.closedBy = 'ping timeout';
      this.ws.terminate();
    }, this.pingDeadlineMs);
    this.pingTimer.unref();
  }

  private closed(reason: string): void {
    clearTimeout(this.pingTimer);
    if (!this.connected) return;
    this.connected = false;
    this.emit('disconnect', reason);
  }
}
