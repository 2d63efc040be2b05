import { Public } from '@bonfire/platform';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  @Public()
  @Get('jwks.json')
  // Short: after a rotation verifiers see the new key soon (and jose refetches on an unknown kid anyway).
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public keys that verify access tokens (active and recently retired).' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { keys: { type: 'array', items: { type: 'object', additionalProperties: true } } },
      required: ['keys'],
    },
  })
  async jwks(): Promise<{ keys: unknown[] }> {
    return { keys: await this.keys.publicKeys() };
  }
}
