import { Global, Module } from '@nestjs/common';
import { AccountDeletionRepository } from '../account-deletion/account-deletion.repository';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { UsersProjectionHandlers } from './users-projection.handlers';
import { UsersRepository } from './users.repository';

@Global()
@Module({
  controllers: [UsersProjectionHandlers],
  providers: [UsersRepository, AccountDeletionRepository, AccountDeletionService],
  exports: [UsersRepository],
})
export class UsersModule {}
