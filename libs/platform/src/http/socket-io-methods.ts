import { ERROR } from '@bonfire/contracts';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** What socket.io's HTTP transport (long-polling) takes; OPTIONS is the CORS preflight. */
const SOCKET_IO_METHODS = ['GET', 'POST', 'OPTIONS'];

function isUnder(url: string | undefined, path: string): boolean {
  const pathname = (url ?? '').split('?')[0]!;
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * engine.io answers any other method on its path with a bare 500 (and opens a session for it first).
 * Put in front of it — call after socket.io attached to `server` — this answers them 405 in the common
 * error format instead, before engine.io sees them.
 */
export function refuseOtherSocketIoMethods(server: Server, path: string): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isUnder(req.url, path) && !SOCKET_IO_METHODS.includes(req.method ?? '')) {
      const body = JSON.stringify({
        error: { code: ERROR.METHOD_NOT_ALLOWED, message: `${req.method} is not allowed on ${path}.` },
      });
      res.writeHead(405, {
        allow: SOCKET_IO_METHODS.join(', '),
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
