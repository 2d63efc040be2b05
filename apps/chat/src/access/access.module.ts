import { Global, Module } from '@nestjs/common';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { RememberedAccess } from './remembered-access';

@Global()
@Module({
  providers: [
    AccessRepository,
    AccessService,
    { provide: RememberedAccess, useFactory: () => new RememberedAccess() },
  ],
  exports: [AccessService, RememberedAccess],
})
export class AccessModule {}
