import { Module } from '@nestjs/common';
import { AccessTokensService } from './access-tokens.service';
import { JwksController } from './jwks.controller';
import { SigningKeysRepository } from './signing-keys.repository';
import { SigningKeysService } from './signing-keys.service';

@Module({
  controllers: [JwksController],
  providers: [SigningKeysRepository, SigningKeysService, AccessTokensService],
  exports: [AccessTokensService, SigningKeysService],
})
export class TokensModule {}
