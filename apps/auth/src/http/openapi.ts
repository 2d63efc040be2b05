import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type SchemaObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';

/** A zod schema as an OpenAPI 3.0 schema object, for @ApiBody / @ApiResponse. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest as SchemaObject;
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string().optional(), code: z.string(), message: z.string() }))
      .optional(),
  }),
});

export const OPENAPI_PATH = '/openapi.json';

/** Builds the service's OpenAPI document and serves it (public) at /openapi.json for the gateway to merge. */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Bonfire auth')
    .setDescription('Accounts, sessions, tokens and user profiles.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'accessToken')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app
    .getHttpAdapter()
    .get(OPENAPI_PATH, (_request: Request, response: Response) => response.status(200).json(document));
}
