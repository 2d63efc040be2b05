import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * The merged OpenAPI document of every service behind the gateway. It is generated from the services
 * (`npm run openapi`) and committed, so API changes show in review; an e2e test fails when it is stale.
 */
const OPENAPI_FILE = resolve(__dirname, '../../openapi.json');

export function loadOpenApiDocument(): Record<string, unknown> {
  if (!existsSync(OPENAPI_FILE)) {
    return { openapi: '3.0.3', info: { title: 'Bonfire API', version: '0' }, paths: {} };
  }
  return JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Record<string, unknown>;
}

@ApiExcludeController()
@Controller('api')
class OpenApiController {
  private readonly document = loadOpenApiDocument();

  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    return this.document;
  }
}

@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
