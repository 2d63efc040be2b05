import { Public, Endpoint } from '@bonfire/platform';
import { Controller, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { SigningKeysService } from './signing-keys.service';

/** A JSON Web Key Set (RFC 7517): each key as the signing algorithm's public JWK. */
const jwksSchema = z.object({ keys: z.array(z.looseObject({ kid: z.string(), kty: z.string() })) });

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  // Short: after a rotation verifiers see the new key soon (and jose refetches on an unknown kid anyway).
  @Endpoint({
    method: 'GET',
    path: 'jwks.json',
    summary: 'Public keys that verify access tokens (active and recently retired).',
    response: jwksSchema,
  })
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  async jwks(): Promise<{ keys: unknown[] }> {
    return { keys: await this.keys.publicKeys() };
  }
}
