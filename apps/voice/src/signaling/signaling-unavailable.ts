import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR, VOICE_SIGNALING_PATH } from '@bonfire/contracts';

function isSignaling(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0]!;
  return path === VOICE_SIGNALING_PATH || path.startsWith(`${VOICE_SIGNALING_PATH}/`);
}

/**
 * A node without media answers its signaling path (polling requests and WebSocket upgrades) on the
 * signaling listener with 503 VOICE_UNAVAILABLE instead of attaching socket.io; every other request goes
 * on to the listener's own handler (404), the way socket.io itself sits in front of it.
 */
export function refuseSignaling(server: Server, message: string): void {
  const body = JSON.stringify({ error: { code: ERROR.VOICE_UNAVAILABLE, message } });
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-content-type-options': 'nosniff',
  };
  const app = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!isSignaling(request.url)) {
      for (const listener of app) listener.call(server, request, response);
      return;
    }
    response.writeHead(503, headers);
    response.end(body);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    if (isSignaling(request.url)) {
      const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n${head.join('')}\r\n${body}`);
    } else {
      socket.destroy();
    }
  });
}
