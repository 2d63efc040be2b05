import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityGuard, INTERNAL_IDENTITY_SECRET } from './identity.guard';

/** Makes every route of a service require the gateway-signed identity, except those marked @Public(). */
@Module({})
export class IdentityModule {
  static forRoot(options: { secret: string }): DynamicModule {
    return {
      module: IdentityModule,
      providers: [
        { provide: INTERNAL_IDENTITY_SECRET, useValue: options.secret },
        { provide: APP_GUARD, useClass: IdentityGuard },
      ],
      exports: [INTERNAL_IDENTITY_SECRET],
    };
  }
}
