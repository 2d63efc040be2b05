import { createServer } from 'node:net';

/** Ports this process handed out lately: never given twice (a stack picks several before any is bound). */
const REMEMBERED_PORTS = 2_000;
const PICKS_BEFORE_GIVING_UP = 50;

/** The kernel's choice of a port nothing listens on right now. */
function kernelPort(): Promise<number> {
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

/**
 * Free ports, each different from the ones it gave out before in this process. The kernel may offer a port
 * again as long as nothing is bound to it, which is the case between picking the ports of a stack and
 * starting its services: two services were once given the same port (voice's signaling and internal
 * listeners, refused by its config check).
 */
export class PortPicker {
  private readonly given = new Set<number>();

  constructor(private readonly pick: () => Promise<number> = kernelPort) {}

  async next(): Promise<number> {
    for (let attempt = 0; attempt < PICKS_BEFORE_GIVING_UP; attempt++) {
      const port = await this.pick();
      if (this.given.has(port)) continue;
      this.given.add(port);
      if (this.given.size > REMEMBERED_PORTS) this.given.delete(this.given.values().next().value!);
      return port;
    }
    throw new Error(`no port not given out before after ${PICKS_BEFORE_GIVING_UP} picks`);
  }
}

const picker = new PortPicker();

/**
 * A port nothing listens on right now, and not given out before by this process. A process that binds it
 * later can, rarely, find it taken in between by another process; a service that exits during start says so
 * on the first line of the test's error. Choosing ports from a fixed range below the ephemeral one instead
 * (tried in session 7) made the standalone web-client test fail every time it ran after another file in the
 * same worker — not understood yet.
 */
export function freePort(): Promise<number> {
  return picker.next();
}
