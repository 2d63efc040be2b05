import {
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type ErrorCode,
  errorBodySchema,
} from '@bonfire/contracts';
import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { openApiSchema } from './openapi';

export type EndpointMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointOptions {
  method: EndpointMethod;
  /** Below the controller's path; omitted for the controller's path itself. */
  path?: string;
  /** One line for the API reference: what the route does and the permission it needs. */
  summary: string;
  /** More detail for the API reference, when one line is not enough. */
  description?: string;
  /** The body's zod schema — the one its `ZodValidationPipe` checks — documented as the request body. */
  body?: z.ZodType;
  /** The body may be left out (its schema's defaults apply). */
  bodyOptional?: boolean;
  /** The query's zod object schema: each property becomes a documented query parameter. */
  query?: z.ZodType;
  /** The success answer's zod schema; without one the route answers 204 No Content. */
  response?: z.ZodType;
  /** The success status when it is not 200 (with a response) or 204 (without). */
  status?: number;
  /** What the success answer is, when its status name does not say it (a redirect's Location…). */
  responseDescription?: string;
  /** Other answers that are not errors (a 200 for a replayed nonce, a 302 redirect…). */
  alsoAnswers?: readonly { status: number; description: string; response?: z.ZodType }[];
  /**
   * The error answers: status → the codes it carries (in the shared error body), as the reference shows them
   * (words around the codes are kept). A catalogue code listed under a status the catalogue does not give it
   * fails at startup; the merged reference (e2e/openapi/merge.ts) adds each code's description.
   */
  errors?: Readonly<Record<number, string | readonly ErrorCode[]>>;
}

const ROUTE = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;
const ERROR_BODY = openApiSchema(errorBodySchema);

/**
 * One decorator per route: the HTTP method and path, the success status, and its OpenAPI details built from
 * the same zod schemas that validate the input and type the output, so the reference cannot drift from the
 * code. Guards (`@Public()`), parameters and pipes stay where Nest puts them.
 */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  const status = options.status ?? (options.response ? 200 : 204);
  const decorators: (MethodDecorator | ClassDecorator)[] = [
    ROUTE[options.method](options.path ?? ''),
    HttpCode(status),
    ApiOperation({
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
  ];
  if (options.body) {
    const schema = openApiSchema(options.body, 'input');
    decorators.push(ApiBody({ schema, required: options.bodyOptional !== true }));
  }
  if (options.query) decorators.push(...queryParameters(options.query));
  const description = options.responseDescription ?? describeStatus(status);
  decorators.push(
    options.response
      ? ApiResponse({ status, description, schema: openApiSchema(options.response) })
      : ApiResponse({ status, description }),
  );
  for (const answer of options.alsoAnswers ?? []) {
    decorators.push(
      ApiResponse({
        status: answer.status,
        description: answer.description,
        ...(answer.response ? { schema: openApiSchema(answer.response) } : {}),
      }),
    );
  }
  for (const [status, listed] of Object.entries(options.errors ?? {})) {
    const description = typeof listed === 'string' ? listed : listed.join(', ');
    checkErrorCodes(Number(status), description, options.summary);
    decorators.push(ApiResponse({ status: Number(status), description, schema: ERROR_BODY }));
  }
  return applyDecorators(...decorators);
}

const CODE_TOKEN = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{5,}\b/g;

/** The catalogue's codes named in an error answer's description (other capitalised words are not codes). */
function codesIn(text: string): ErrorCode[] {
  return [...new Set(text.match(CODE_TOKEN) ?? [])].filter((token): token is ErrorCode =>
    Object.hasOwn(ERROR_CATALOGUE, token),
  );
}

const answersWith = (code: ErrorCode, status: number): boolean => {
  const entry: ErrorCatalogueEntry = ERROR_CATALOGUE[code];
  return entry.status === status || entry.also?.[status] !== undefined;
};

/** Throws when a route documents a code under a status the catalogue does not answer it with. */
export function checkErrorCodes(status: number, description: string, route: string): void {
  for (const code of codesIn(description)) {
    if (!answersWith(code, status)) {
      const expected = ERROR_CATALOGUE[code].status;
      throw new Error(`${route}: ${code} is documented as ${status}, the catalogue answers it ${expected}`);
    }
  }
}

function queryParameters(query: z.ZodType): MethodDecorator[] {
  const schema = openApiSchema(query, 'input');
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
  );
}

function describeStatus(status: number): string {
  switch (status) {
    case 200:
      return 'OK';
    case 201:
      return 'Created';
    case 202:
      return 'Accepted';
    case 204:
      return 'No Content';
    default:
      return String(status);
  }
}
