import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { UsersController } from './users.controller';
import { UsersInternalController } from './users-internal.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [EventsModule],
  controllers: [UsersController, UsersInternalController],
  providers: [UsersRepository, UsersService],
  exports: [UsersRepository],
})
export class UsersModule {}
