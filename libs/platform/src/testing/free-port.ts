import { createServer } from 'node:net';

/**
 * A port nothing listens on right now (the kernel's choice). A process that binds it later can, rarely, find
 * it taken in between; a service that exits during start says so on the first line of the test's error.
 * Choosing ports from a fixed range below the ephemeral one instead (tried in session 7) made the standalone
 * web-client test fail every time it ran after another file in the same worker — not understood yet.
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
