import { readFileSync } from 'node:fs';
import { z } from 'zod';

const methodAndPath = z
  .string()
  .regex(/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\*) \/\S*$/, 'must look like "POST /api/v1/auth/login"');

const routingFileSchema = z.object({
  routes: z
    .array(
      z.object({
        prefix: z.string().startsWith('/'),
        service: z.string().min(1),
        /** A body limit of its own (file uploads), instead of GATEWAY_MAX_BODY_BYTES. */
        maxBodyBytes: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  public: z.array(methodAndPath),
  rateLimits: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9-]+$/),
      match: methodAndPath,
      /** Who is counted: the client IP, the signed-in user, or the value of the path's `:id` segment. */
      by: z.enum(['ip', 'user', 'id']),
      limit: z.number().int().positive(),
      windowSeconds: z.number().int().positive(),
    }),
  ),
});

type RouteLimit = z.infer<typeof routingFileSchema>['rateLimits'][number];

/** A limit that matched a request; `id` is the request's `:id` segment (for limits counted `by: "id"`). */
export type MatchedLimit = RouteLimit & { id?: string };

export interface ResolvedRoute {
  prefix: string;
  service: string;
  target: URL;
  isPublic: boolean;
  limits: MatchedLimit[];
  maxBodyBytes?: number;
}

/** `POST /api/v1/guilds/:id/invites` or with `*` as a trailing wildcard → a matcher. */
function compilePattern(pattern: string): (method: string, path: string) => boolean {
  const [method, path] = pattern.split(' ') as [string, string];
  const source = path
    .split('/')
    .map((segment) =>
      segment === '*'
        ? '.*'
        : segment.startsWith(':')
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  const regex = new RegExp(`^${source}/?$`, 'i');
  return (requestMethod, requestPath) =>
    (method === '*' || method === requestMethod) && regex.test(requestPath);
}

/** The request's value of the pattern's `:id` segment (undefined when the pattern has none). */
function idSegment(pattern: string, requestPath: string): string | undefined {
  const index = pattern.split(' ')[1]!.split('/').indexOf(':id');
  if (index < 0) return undefined;
  return requestPath.split('/')[index]?.toLowerCase();
}

/**
 * A prefix matcher: a path matches when it equals the prefix or continues it after a `/`. A `:name`
 * segment in a prefix (`/api/v1/channels/:id/attachments`) matches any one segment. Letter case does
 * not matter, as in the services' routers (`/api/v1/auth/Login` is their login route too).
 */
function compilePrefix(prefix: string): (path: string) => boolean {
  const source = prefix
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  const regex = new RegExp(`^${source}(?:/|$)`, 'i');
  return (path) => regex.test(path);
}

/** More segments first (the most specific prefix); among equals, literal segments before parameters. */
function compareSpecificity(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  if (as.length !== bs.length) return bs.length - as.length;
  const params = (segments: string[]) => segments.filter((segment) => segment.startsWith(':')).length;
  return params(as) - params(bs) || b.length - a.length;
}

/**
 * The routing table from configuration: the most specific prefix wins (longest, counted in segments;
 * `:param` segments match any one segment); public routes are an explicit allow-list; rate limits are
 * matched by method and path. Paths are matched as the services' routers match them: case-insensitive,
 * one optional trailing slash; they arrive canonical (see canonicalPath).
 */
export class RoutingTable {
  private readonly routes: {
    prefix: string;
    service: string;
    target: URL;
    maxBodyBytes?: number;
    matches: (path: string) => boolean;
  }[];
  private readonly publicMatchers: ((method: string, path: string) => boolean)[];
  private readonly limits: { limit: RouteLimit; matches: (method: string, path: string) => boolean }[];

  constructor(file: z.infer<typeof routingFileSchema>, serviceUrl: (service: string) => string | undefined) {
    const missing = [...new Set(file.routes.map((route) => route.service))].filter(
      (service) => !serviceUrl(service),
    );
    if (missing.length > 0) {
      throw new Error(
        `routing table names services without a URL: ${missing.map((s) => `${s.toUpperCase()}_URL`).join(', ')}`,
      );
    }
    this.routes = file.routes
      .map((route) => ({
        ...route,
        target: new URL(serviceUrl(route.service)!),
        matches: compilePrefix(route.prefix),
      }))
      .sort((a, b) => compareSpecificity(a.prefix, b.prefix));
    this.publicMatchers = file.public.map(compilePattern);
    this.limits = file.rateLimits.map((limit) => ({ limit, matches: compilePattern(limit.match) }));
  }

  static fromFile(path: string, serviceUrl: (service: string) => string | undefined): RoutingTable {
    const parsed = routingFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `invalid routing table ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    return new RoutingTable(parsed.data, serviceUrl);
  }

  resolve(method: string, path: string): ResolvedRoute | undefined {
    const route = this.routes.find((candidate) => candidate.matches(path));
    if (!route) return undefined;
    return {
      prefix: route.prefix,
      service: route.service,
      target: route.target,
      isPublic: this.publicMatchers.some((matches) => matches(method, path)),
      limits: this.limits
        .filter((entry) => entry.matches(method, path))
        .map((entry) => {
          const id = entry.limit.by === 'id' ? idSegment(entry.limit.match, path) : undefined;
          return id === undefined ? entry.limit : { ...entry.limit, id };
        }),
      ...(route.maxBodyBytes === undefined ? {} : { maxBodyBytes: route.maxBodyBytes }),
    };
  }

  services(): string[] {
    return [...new Set(this.routes.map((route) => route.service))];
  }

  serviceUrl(service: string): URL | undefined {
    return this.routes.find((route) => route.service === service)?.target;
  }
}
