import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { EmailModule } from '../email/email.module';
import { EventsModule } from '../events/events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [
    UsersModule,
    SessionsModule,
    CredentialsModule,
    BruteForceModule,
    EventsModule,
    EmailModule,
    TwoFactorModule,
    AdminModule,
  ],
  controllers: [AuthController],
  providers: [AuthService],
})
export class AuthModule {}
