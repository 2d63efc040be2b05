// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration of the untyped http_ece must reach every program that imports this file (apps and e2e include only their own folders)
/// <reference path="./http-ece.d.ts" />
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// http_ece (web-push's own dependency) decrypts what web-push encrypted (RFC 8188 / RFC 8291).
import * as ece from 'http_ece';

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
}

/**
 * A push service on loopback standing in for a browser vendor's: it holds a subscription's key pair
 * (as a browser would), answers each push with `status` (201 by default; 410 says "gone") and decrypts
 * what it receives with the subscription's private key and auth secret.
 */
export class LocalPushService {
  readonly received: ReceivedPush[] = [];
  status = 201;
  private readonly ecdh = createECDH('prime256v1');
  private readonly authSecret = randomBytes(16);

  private constructor(private readonly server: Server) {
    this.ecdh.generateKeys();
  }

  static async start(): Promise<LocalPushService> {
    const holder: { service?: LocalPushService } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        holder.service!.receive(request.url ?? '/', request.headers, Buffer.concat(chunks));
        response.statusCode = holder.service!.status;
        response.end();
      });
    });
    const service = new LocalPushService(server);
    holder.service = service;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  /** A subscription as a browser's PushSubscription.toJSON() gives it. */
  subscription(path = '/push/1'): { endpoint: string; keys: { p256dh: string; auth: string } } {
    const { port } = this.server.address() as AddressInfo;
    return {
      endpoint: `http://127.0.0.1:${port}${path}`,
      keys: {
        p256dh: this.ecdh.getPublicKey().toString('base64url'),
        auth: this.authSecret.toString('base64url'),
      },
    };
  }

  private receive(path: string, headers: IncomingHttpHeaders, body: Buffer): void {
    const plain = ece.decrypt(body, {
      version: 'aes128gcm',
      privateKey: this.ecdh,
      authSecret: this.authSecret,
    });
    this.received.push({ path, headers, payload: JSON.parse(plain.toString('utf8')) as unknown });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
