import { createServer } from 'node:net';

/**
 * Ports for the processes a test starts come from 20000–31999, below the kernel's ephemeral range
 * (32768+), so the outgoing connections of every process on the machine (Kafka, Postgres, fetch) never take a port
 * between the moment it is chosen and the moment its service binds it; each vitest worker draws from its
 * own slice, so parallel test files never choose the same one.
 */
const PORT_RANGE = { first: 20_000, slices: 8, sliceSize: 1_500 } as const;
const workerSlice = (Number(process.env['VITEST_POOL_ID'] ?? '1') - 1) % PORT_RANGE.slices;
let nextPortOffset = Math.floor(Math.random() * PORT_RANGE.sliceSize);

function canBind(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(false));
    server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < PORT_RANGE.sliceSize; attempt += 1) {
    nextPortOffset = (nextPortOffset + 1) % PORT_RANGE.sliceSize;
    const port = PORT_RANGE.first + workerSlice * PORT_RANGE.sliceSize + nextPortOffset;
    if (await canBind(port)) return port;
  }
  throw new Error(`no free port in worker slice ${workerSlice} of ${PORT_RANGE.first}+`);
}
