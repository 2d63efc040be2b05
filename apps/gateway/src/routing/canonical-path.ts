type CanonicalPath = { ok: true; path: string } | { ok: false; reason: string };

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * The one form of a request path the gateway decides on and forwards, so that what the routing table,
 * the public allow-list and the rate limits see is what the service's router sees:
 * - percent-encoding is decoded once, for unreserved characters only (`%6c` → `l`, RFC 3986 §6.2.2.2);
 *   every other escape stays encoded (upper-case hex) and reaches the service's parameters as it came;
 * - refused: malformed escapes, an encoded `/` or `\`, encoded control characters (NUL…), a raw `\`,
 *   empty segments (`//`), dot segments (`.`, `..`, `%2e%2e`) and segments ending in a dot (`login.`).
 *   The services' routers (Express: case-insensitive, one optional trailing slash) match none of these
 *   to a route either; refusing them means no reading of the path can differ between gateway and service.
 * Letter case is left alone: the gateway matches routes case-insensitively, as the services do.
 */
export function canonicalPath(rawPath: string): CanonicalPath {
  if (!rawPath.startsWith('/')) return refuse('the path must start with "/"');
  if (rawPath.includes('\\')) return refuse('the path contains a backslash');
  if (/%(?![0-9A-Fa-f]{2})/.test(rawPath)) return refuse('the path has a malformed percent-escape');

  let problem: string | undefined;
  const decoded = rawPath.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) => {
    const code = Number.parseInt(hex, 16);
    if (code < 0x20 || code === 0x7f) problem ??= 'the path contains an encoded control character';
    else if (code === 0x2f || code === 0x5c) problem ??= 'the path contains an encoded slash';
    const char = String.fromCharCode(code);
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  if (problem) return refuse(problem);

  const segments = decoded.split('/').slice(1);
  for (const [index, segment] of segments.entries()) {
    if (segment === '' && index < segments.length - 1) return refuse('the path contains an empty segment');
    if (segment === '.' || segment === '..') return refuse('the path contains a dot segment');
    if (segment.endsWith('.')) return refuse('a path segment ends with a dot');
  }
  return { ok: true, path: decoded };
}

function refuse(reason: string): CanonicalPath {
  return { ok: false, reason };
}
