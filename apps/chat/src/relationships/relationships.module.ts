import { Global, Module } from '@nestjs/common';
import { DmPolicy } from './dm-policy';
import { RelationshipsController } from './relationships.controller';
import { RelationshipsRepository } from './relationships.repository';
import { RelationshipsService } from './relationships.service';

/** Friends, blocks, friend requests and privacy settings; DmPolicy is global (DMs and messages ask it). */
@Global()
@Module({
  controllers: [RelationshipsController],
  providers: [RelationshipsRepository, RelationshipsService, DmPolicy],
  exports: [RelationshipsRepository, RelationshipsService, DmPolicy],
})
export class RelationshipsModule {}
