import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UsersModule } from '../users/users.module';
import { AdminController, AdminInstanceController, InstanceController } from './admin.controller';
import { AdminRepository } from './admin.repository';
import { AdminService } from './admin.service';
import { InstanceService } from './instance.service';

/** Instance administration: admins, registration modes and invites, suspension, statistics. */
@Module({
  imports: [UsersModule, SessionsModule, EventsModule, TwoFactorModule],
  controllers: [InstanceController, AdminController, AdminInstanceController],
  providers: [AdminRepository, AdminService, InstanceService],
  exports: [InstanceService, AdminService],
})
export class AdminModule {}
