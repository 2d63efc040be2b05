import { Module } from '@nestjs/common';
import { RolesModule } from '../roles/roles.module';
import { BansController, MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';

@Module({
  imports: [RolesModule],
  controllers: [MembersController, BansController],
  providers: [MembersRepository, MembersService],
  exports: [MembersRepository],
})
export class MembersModule {}
