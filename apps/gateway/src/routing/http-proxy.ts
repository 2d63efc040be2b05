import { ERROR } from '@bonfire/contracts';
import {
  Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import { AppError, CLIENT_ADDRESS_HEADER, IDENTITY_HEADER, REQUEST_ID_HEADER } from '@bonfire/platform';

// Headers that describe one connection, never forwarded (RFC 9110 §7.6.1), plus our signed internal
// headers, which only the gateway may set.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  IDENTITY_HEADER,
  CLIENT_ADDRESS_HEADER,
]);

// What a client could send to claim another address or scheme; the gateway sets its own X-Forwarded-*.
const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'forwarded', 'x-real-ip'];

function forwardableHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const connectionScoped = new Set(
    String(headers['connection'] ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !connectionScoped.has(name)),
  );
}

interface ProxyOptions {
  timeoutMs: number;
  maxBodyBytes: number;
}

interface ForwardContext {
  target: URL;
  /** Path and query to request from the service (the original URL; frameworks may rewrite req.url). */
  path: string;
  service: string;
  /** The client address the gateway trusts (see trustedClient). */
  clientIp: string;
  clientProto: 'http' | 'https';
  identityHeader?: string;
  /** clientIp signed for the service (see CLIENT_ADDRESS_HEADER). */
  clientAddressHeader: string;
  /** The route's own body limit, instead of the proxy's. */
  maxBodyBytes?: number;
}

/**
 * Streams a request to a service and its answer back: status codes, headers and error bodies are kept;
 * a refused connection becomes 502, no answer within the timeout 504, a body over the limit 413.
 */
export class HttpProxy {
  // `timeout` also makes Node honour the services' `Keep-Alive: timeout=N` hint: an idle pooled socket is
  // dropped a second before the service would close it, instead of racing that close with a new request.
  private readonly agent = new Agent({
    keepAlive: true,
    maxSockets: 256,
    keepAliveMsecs: 10_000,
    timeout: 60_000,
  });

  constructor(private readonly options: ProxyOptions) {}

  forward(req: IncomingMessage, res: ServerResponse, context: ForwardContext): Promise<void> {
    const maxBodyBytes = context.maxBodyBytes ?? this.options.maxBodyBytes;
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > maxBodyBytes) {
      return Promise.reject(this.tooLarge(maxBodyBytes));
    }
    const headers = forwardableHeaders(req.headers);
    // Services see only what the gateway trusts: the client-sent chain (which anyone can write) is
    // replaced, never extended, so a service reading the first X-Forwarded-For entry gets the client.
    for (const name of CLIENT_ADDRESS_HEADERS) delete headers[name];
    headers['x-forwarded-for'] = context.clientIp;
    headers['x-forwarded-proto'] = context.clientProto;
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    headers['host'] = context.target.host;
    const requestId = req.headers[REQUEST_ID_HEADER];
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    if (context.identityHeader) headers[IDENTITY_HEADER] = context.identityHeader;
    headers[CLIENT_ADDRESS_HEADER] = context.clientAddressHeader;

    const bodiless = !req.headers['content-length'] && !req.headers['transfer-encoding'];
    return new Promise((resolve, reject) => {
      let settled = false;
      const send = (retried: boolean) => {
        const fail = (error: AppError) => {
          if (settled) return;
          settled = true;
          upstream.destroy();
          reject(error);
        };
        const upstream = request({
          agent: this.agent,
          protocol: context.target.protocol,
          hostname: context.target.hostname,
          port: context.target.port,
          method: req.method,
          path: context.path,
          headers,
          timeout: this.options.timeoutMs,
        });
        upstream.on('response', (answer: IncomingMessage) => {
          if (settled) return answer.resume();
          settled = true;
          res.writeHead(answer.statusCode ?? 502, forwardableHeaders(answer.headers));
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', () => res.destroy());
          res.on('close', () => answer.destroy());
        });
        upstream.on('timeout', () =>
          fail(new AppError(ERROR.GATEWAY_TIMEOUT, `The ${context.service} service did not answer in time.`)),
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          // A pooled connection the service closed just as we reused it: nothing reached the service, so a
          // request without a body is sent again once on a fresh connection.
          if (!settled && !retried && bodiless && upstream.reusedSocket && error.code === 'ECONNRESET') {
            send(true);
            return;
          }
          fail(new AppError(ERROR.BAD_GATEWAY, `The ${context.service} service is unavailable.`));
        });
        req.on('aborted', () => upstream.destroy());
        if (bodiless) {
          upstream.end();
          return;
        }
        let received = 0;
        req.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBodyBytes) {
            req.unpipe(upstream);
            fail(this.tooLarge(maxBodyBytes));
          }
        });
        req.pipe(upstream);
      };
      send(false);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private tooLarge(maxBodyBytes: number): AppError {
    return new AppError(
      ERROR.PAYLOAD_TOO_LARGE,
      `The request body is larger than the limit of ${maxBodyBytes} bytes.`,
    );
  }
}
