/** The methods an HTTP route can declare; anything else (TRACE, CONNECT, PROPFIND…) is never routed. */
export const ROUTABLE_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

const DOCUMENT_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Which methods each documented path accepts, from the merged OpenAPI document (the one the services
 * generate and the gateway serves). A path matching no documented template is unknown here: it is
 * forwarded and its service decides. Matching follows the services' routers: case-insensitive, one
 * optional trailing slash, a `{param}` is one segment; when several templates match (`/users/@me` and
 * `/users/{id}`), their methods add up.
 */
export class DeclaredMethods {
  private readonly templates: { regex: RegExp; methods: string[] }[];

  constructor(paths: Record<string, unknown>) {
    this.templates = Object.entries(paths).map(([template, operations]) => {
      const source = template
        .split('/')
        .map((segment) =>
          /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      const methods = DOCUMENT_METHODS.filter(
        (method) => typeof operations === 'object' && operations !== null && method in operations,
      ).map((method) => method.toUpperCase());
      return { regex: new RegExp(`^${source}/?$`, 'i'), methods };
    });
  }

  /** The methods the path accepts (HEAD wherever GET is), or undefined when no template matches it. */
  allowed(path: string): string[] | undefined {
    const matching = this.templates.filter((template) => template.regex.test(path));
    if (matching.length === 0) return undefined;
    const methods = new Set(matching.flatMap((template) => template.methods));
    if (methods.has('GET')) methods.add('HEAD');
    return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => methods.has(method));
  }
}
