import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { EventsModule } from '../events/events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UsersModule } from '../users/users.module';
import { AccountDeletionController } from './account-deletion.controller';
import { AccountDeletionRepository } from './account-deletion.repository';
import { AccountDeletionService } from './account-deletion.service';

/** POST /users/@me/delete: the account becomes a tombstone and `user.deleted` tells the other services. */
@Module({
  imports: [UsersModule, SessionsModule, CredentialsModule, BruteForceModule, EventsModule, TwoFactorModule],
  controllers: [AccountDeletionController],
  providers: [AccountDeletionRepository, AccountDeletionService],
})
export class AccountDeletionModule {}
