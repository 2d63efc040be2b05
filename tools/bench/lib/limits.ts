import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A rate limit high enough never to be reached in a bench run. */
export const UNLIMITED = '1000000000';

/**
 * A copy of the gateway's routing table with every per-route limit raised out of the way; with `services`,
 * only their routes (the gateway refuses a table naming a service it has no URL for).
 */
export function benchRoutesFile(directory: string, services?: readonly string[]): string {
  const routesFile = resolve(__dirname, '../../../apps/gateway/routes.json');
  const routes = JSON.parse(readFileSync(routesFile, 'utf8')) as {
    routes?: { service: string }[];
    rateLimits?: { limit: number }[];
  };
  if (services) routes.routes = routes.routes?.filter((route) => services.includes(route.service));
  for (const limit of routes.rateLimits ?? []) limit.limit = Number(UNLIMITED);
  const path = join(directory, 'routes.json');
  writeFileSync(path, JSON.stringify(routes, null, 2));
  return path;
}
