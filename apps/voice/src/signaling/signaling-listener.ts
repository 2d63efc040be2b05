import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ERROR, VOICE_SIGNALING_PATH } from '@bonfire/contracts';
import { AppError, type ComponentLogger, ServiceLogger } from '@bonfire/platform';
import { Inject, Injectable } from '@nestjs/common';
import { VOICE_CONFIG, type VoiceConfig } from '../config';

/**
 * The voice node's public listener (VOICE_SIGNALING_HOST/PORT), apart from the internal one (VOICE_PORT:
 * REST, health, /metrics): socket.io signaling attaches to it, and every other request there is answered
 * 404 in the common error format. It is the only port of a voice node browsers are sent to.
 */
@Injectable()
export class SignalingListener {
  readonly server: Server;
  private address?: string;
  private closing?: Promise<void>;
  /** Every connection, upgraded WebSockets included (the HTTP server's own list forgets those). */
  private readonly sockets = new Set<Socket>();
  private readonly logger: ComponentLogger;

  constructor(
    @Inject(VOICE_CONFIG) private readonly config: VoiceConfig,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('signaling');
    // The fallback: socket.io (or the no-media refusal) puts itself in front of it for the signaling path.
    this.server = createServer((request, response) => notFound(request, response));
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  get host(): string {
    return this.config.VOICE_SIGNALING_HOST ?? this.config.VOICE_HOST;
  }

  /** `http://host:port` of the listener (the bound port when VOICE_SIGNALING_PORT is 0); set by listen(). */
  get url(): string {
    if (!this.address) throw new Error('the signaling listener is not listening');
    return this.address;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const refused = (error: Error) =>
        reject(
          new Error(
            `VOICE_SIGNALING_PORT: cannot listen on ${this.host}:${this.config.VOICE_SIGNALING_PORT} (${error.message})`,
            { cause: error },
          ),
        );
      this.server.once('error', refused);
      this.server.listen(this.config.VOICE_SIGNALING_PORT, this.host, () => {
        this.server.off('error', refused);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    this.address = `http://${host}:${port}`;
    this.logger.info(`voice signaling listening on ${this.address}`);
  }

  /**
   * Stops accepting, lets what is in flight finish for up to `graceMs` (signaling clients were already
   * told to leave by the drain), then drops what is left.
   */
  close(graceMs = Math.min(this.config.SHUTDOWN_TIMEOUT_MS, 2_000)): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (!this.server.listening) {
        for (const socket of this.sockets) socket.destroy();
        return resolve();
      }
      const deadline = setTimeout(() => {
        for (const socket of this.sockets) socket.destroy();
      }, graceMs);
      deadline.unref();
      this.server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      this.server.closeIdleConnections();
    });
    return this.closing;
  }
}

function notFound(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?', 1)[0]!;
  const body = JSON.stringify(
    new AppError(
      ERROR.NOT_FOUND,
      `Nothing at ${path} on the signaling port (socket.io at ${VOICE_SIGNALING_PATH}).`,
    ).toBody(),
  );
  response.writeHead(404, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
