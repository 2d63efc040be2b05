import { ERROR_CATALOGUE, type ErrorCatalogueEntry } from '@bonfire/contracts';

interface OpenApiDocument {
  openapi?: string;
  paths?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string }[];
}

/** The common error format, as the services document it. */
const ERROR_BODY = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
            required: ['code', 'message'],
            additionalProperties: false,
          },
        },
      },
      required: ['code', 'message'],
      additionalProperties: false,
    },
  },
  required: ['error'],
  additionalProperties: false,
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * A path parameter's value as the gateway's canonical-path rule takes it (apps/gateway/src/routing/
 * canonical-path.ts): not empty, no control character, slash or backslash, not ending with a dot.
 */
const PATH_SEGMENT = '^[^\\u0000-\\u001f\\u007f/\\\\]*[^\\u0000-\\u001f\\u007f/\\\\.]$';

type Responses = Record<string, { description?: string; content?: unknown; $ref?: string }>;

/**
 * What any route may answer when a service or a server is down, shared by every operation (a reference to
 * components.responses): the gateway cannot reach the service or it did not answer in time, or the service
 * cannot reach a server it needs (its database, Redis). All are worth retrying shortly.
 */
const UNAVAILABLE_RESPONSES: Readonly<Record<string, { name: string; codes: string }>> = {
  '502': { name: 'BadGateway', codes: 'BAD_GATEWAY' },
  '503': { name: 'ServiceUnavailable', codes: 'SERVICE_UNAVAILABLE (Retry-After header)' },
  '504': { name: 'GatewayTimeout', codes: 'GATEWAY_TIMEOUT' },
};

interface Operation {
  security?: unknown[];
  parameters?: { in?: string; schema?: Record<string, unknown> }[];
  requestBody?: unknown;
  responses?: Responses;
}

const CODE_TOKEN = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{5,}\b/g;

/**
 * An error answer's description: its words, then each code of the catalogue it names with the catalogue's
 * description (and the case, for a code answered with another status in one case).
 */
function describeErrorCodes(status: number, description: string): string {
  const catalogue: Readonly<Record<string, ErrorCatalogueEntry>> = ERROR_CATALOGUE;
  const codes = [...new Set(description.match(CODE_TOKEN) ?? [])].filter((token) =>
    Object.hasOwn(catalogue, token),
  );
  if (codes.length === 0) return description;
  const lines = codes.map((code) => {
    const also = catalogue[code]!.also?.[status];
    return `- \`${code}\`: ${catalogue[code]!.description}${also ? ` (${status}: ${also})` : ''}`;
  });
  return `${description}\n\n${lines.join('\n')}`;
}

function respond(responses: Responses, status: string, codes: string): void {
  const existing = responses[status];
  if (!existing) {
    responses[status] = { description: codes, content: { 'application/json': { schema: ERROR_BODY } } };
  } else if (!existing.description?.includes(codes)) {
    responses[status] = {
      ...existing,
      description: existing.description ? `${existing.description}, ${codes}` : codes,
    };
  }
}

/**
 * What every route answers before its service's own logic, documented once here rather than on each
 * controller: the gateway's token check, rate limits and path rule, the platform's JSON body parser
 * (malformed, or over the gateway's or the service's body limit), and the answers of a service or server
 * that is down. Each error code then gets its description
 * from the catalogue (libs/contracts errors/catalogue.ts).
 */
function withGatewayResponses(item: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...item };
  for (const method of METHODS) {
    const operation = item[method] as Operation | undefined;
    if (!operation) continue;
    const responses = { ...operation.responses };
    const parameters = operation.parameters?.map((parameter) =>
      parameter.in === 'path' && parameter.schema && !('pattern' in parameter.schema)
        ? { ...parameter, schema: { ...parameter.schema, pattern: PATH_SEGMENT } }
        : parameter,
    );
    if (parameters?.some((parameter) => parameter.in === 'path')) respond(responses, '400', 'INVALID_PATH');
    if (operation.requestBody) respond(responses, '400', 'MALFORMED_JSON');
    if (operation.requestBody) respond(responses, '413', 'PAYLOAD_TOO_LARGE (request body over the limit)');
    if (operation.security?.length) respond(responses, '401', 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED');
    respond(responses, '429', 'RATE_LIMITED (Retry-After header)');
    for (const [status, { name, codes }] of Object.entries(UNAVAILABLE_RESPONSES)) {
      if (responses[status]) respond(responses, status, codes);
      else responses[status] = { $ref: `#/components/responses/${name}` };
    }
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) >= 400 && response.description) {
        responses[status] = {
          ...response,
          description: describeErrorCodes(Number(status), response.description),
        };
      }
    }
    result[method] = { ...operation, ...(parameters ? { parameters } : {}), responses };
  }
  return result;
}

/** Merges the services' OpenAPI documents into the one the gateway serves. Paths never overlap. */
export function mergeOpenApi(documents: Record<string, OpenApiDocument>): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const components: Record<string, Record<string, unknown>> = {};
  const tags = new Map<string, { name: string }>();
  for (const service of Object.keys(documents).sort()) {
    const document = documents[service]!;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (paths[path]) throw new Error(`${path} is documented by two services`);
      paths[path] = withGatewayResponses(item as Record<string, unknown>);
    }
    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      components[kind] = { ...components[kind], ...entries };
    }
    for (const tag of document.tags ?? []) tags.set(tag.name, tag);
  }
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.0.3',
    info: {
      title: 'Bonfire API',
      version: '1',
      description:
        'The public REST API of Bonfire, served through the gateway. Generated by `npm run openapi`.',
    },
    servers: [{ url: '/' }],
    tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
    paths: sortedPaths,
    components: {
      ...components,
      responses: {
        ...components['responses'],
        ...Object.fromEntries(
          Object.entries(UNAVAILABLE_RESPONSES).map(([status, { name, codes }]) => [
            name,
            {
              description: describeErrorCodes(Number(status), codes),
              content: { 'application/json': { schema: ERROR_BODY } },
            },
          ]),
        ),
      },
      // The name the services' operations refer to (`@ApiBearerAuth('accessToken')`). Operations without
      // `security` are public (register, login, invites' previews…): no document-wide requirement.
      securitySchemes: { accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
