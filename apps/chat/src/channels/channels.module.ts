import { Module } from '@nestjs/common';
import { DmsModule } from '../dms/dms.module';
import { MembersModule } from '../members/members.module';
import { RolesModule } from '../roles/roles.module';
import { ThreadsModule } from '../threads/threads.module';
import { ChannelsController, GuildChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';

@Module({
  imports: [RolesModule, MembersModule, DmsModule, ThreadsModule],
  controllers: [GuildChannelsController, ChannelsController],
  providers: [ChannelsRepository, ChannelsService],
  exports: [ChannelsRepository],
})
export class ChannelsModule {}
