import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { MailModule } from '../mail/mail.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccountEmailController } from './account-email.controller';
import { AccountEmailService } from './account-email.service';
import { EmailTokensRepository } from './email-tokens.repository';

@Module({
  imports: [UsersModule, SessionsModule, CredentialsModule, BruteForceModule, MailModule],
  controllers: [AccountEmailController],
  providers: [AccountEmailService, EmailTokensRepository],
  exports: [AccountEmailService],
})
export class EmailModule {}
