import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type SchemaObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';

export { errorBodySchema } from '@bonfire/contracts';

/** A zod schema as an OpenAPI 3.0 schema object, for @ApiBody / @ApiResponse. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest as SchemaObject;
}

export const OPENAPI_PATH = '/openapi.json';

/**
 * Builds the service's OpenAPI document from its controllers and serves it (public) at /openapi.json;
 * the merged document of all services is committed at apps/gateway/openapi.json.
 */
export function serveOpenApi(app: INestApplication, info: { title: string; description: string }): void {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'accessToken')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app
    .getHttpAdapter()
    .get(OPENAPI_PATH, (_request: Request, response: Response) => response.status(200).json(document));
}
