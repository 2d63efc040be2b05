import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { TwoFactorController, TwoFactorLoginController } from './two-factor.controller';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorService } from './two-factor.service';

/** TOTP two-factor authentication: enrolment, recovery codes, and the second step of login. */
@Module({
  imports: [UsersModule, SessionsModule, CredentialsModule, BruteForceModule],
  controllers: [TwoFactorController, TwoFactorLoginController],
  providers: [TwoFactorRepository, TwoFactorService],
  exports: [TwoFactorService, TwoFactorRepository],
})
export class TwoFactorModule {}
