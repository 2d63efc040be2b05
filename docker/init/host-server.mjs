// Stand-in for one infrastructure service of docker-compose.yml when the stack runs against servers that
// already run on the host (compose.host-infra.yml): it starts nothing, it only stays up so that the
// services' `depends_on: { condition: service_healthy }` waits for the host's server to answer.
//
//   node host-server.mjs <port>           stay up (the container's command)
//   node host-server.mjs --check <port>   exit 0 when 127.0.0.1:<port> accepts a connection (its healthcheck)
import { connect } from 'node:net';

const args = process.argv.slice(2);
const check = args[0] === '--check';
const port = Number(args[check ? 1 : 0]);
if (!port) {
  console.error('usage: host-server.mjs [--check] <port>');
  process.exit(2);
}

if (check) {
  const socket = connect({ host: '127.0.0.1', port });
  socket.setTimeout(3000, () => process.exit(1));
  socket.once('connect', () => process.exit(0));
  socket.once('error', () => process.exit(1));
} else {
  console.log(`standing in for the server on the host at 127.0.0.1:${port}`);
  const timer = setInterval(() => {}, 1 << 30);
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => clearInterval(timer));
}
