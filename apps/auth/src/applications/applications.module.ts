import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { UsersModule } from '../users/users.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { BotTokensInternalController } from './bot-tokens-internal.controller';

@Module({
  imports: [UsersModule, EventsModule],
  controllers: [ApplicationsController, BotTokensInternalController],
  providers: [ApplicationsRepository, ApplicationsService],
})
export class ApplicationsModule {}
