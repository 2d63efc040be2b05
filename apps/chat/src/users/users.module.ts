import { Global, Module } from '@nestjs/common';
import { AccountDeletionRepository } from '../account-deletion/account-deletion.repository';
import { AccountDeletionService } from '../account-deletion/account-deletion.service';
import { UsersProjectionConsumer } from './users-projection.consumer';
import { UsersRepository } from './users.repository';

@Global()
@Module({
  providers: [UsersRepository, UsersProjectionConsumer, AccountDeletionRepository, AccountDeletionService],
  exports: [UsersRepository],
})
export class UsersModule {}
