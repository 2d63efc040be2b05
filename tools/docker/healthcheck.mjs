// The HEALTHCHECK of every Bonfire service image (docker/service.Dockerfile): GET /health/ready on the
// service's own port, exit 0 when it answers 2xx. The service comes from BONFIRE_SERVICE (set by the image),
// its port and address from the same variables the service reads (<SERVICE>_PORT, <SERVICE>_HOST), so a
// deployment that moves the port (compose on the host network, for one) needs no other setting.
// Kubernetes ignores HEALTHCHECK and probes the same path itself.
const DEFAULT_PORTS = {
  gateway: 8080,
  auth: 8081,
  chat: 8082,
  presence: 8083,
  file: 8084,
  search: 8085,
  voice: 8086,
};

const service = process.env.BONFIRE_SERVICE ?? '';
const prefix = service.toUpperCase();
const port = Number(process.env[`${prefix}_PORT`] ?? DEFAULT_PORTS[service]);
const bound = process.env[`${prefix}_HOST`];
const host = !bound || bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound;
if (!port) {
  console.error(`healthcheck: unknown service "${service}" and no ${prefix}_PORT`);
  process.exit(1);
}
const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/health/ready`;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) console.error(`healthcheck: ${url} answered ${response.status}`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error(`healthcheck: ${url}: ${error?.cause?.code ?? error?.message ?? error}`);
  process.exit(1);
}
