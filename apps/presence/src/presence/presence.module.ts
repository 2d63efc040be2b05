import { Module } from '@nestjs/common';
import { PresenceInternalController } from './presence-internal.controller';
import { PresenceController } from './presence.controller';
import { PresenceService } from './presence.service';

@Module({
  controllers: [PresenceController, PresenceInternalController],
  providers: [PresenceService],
  exports: [PresenceService],
})
export class PresenceModule {}
