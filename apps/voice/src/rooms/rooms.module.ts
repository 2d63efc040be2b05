import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers/workers.module';
import { PeerMediaService } from './peer-media.service';
import { RoomsService } from './rooms.service';

@Module({
  imports: [WorkersModule],
  providers: [RoomsService, PeerMediaService],
  exports: [RoomsService, PeerMediaService],
})
export class RoomsModule {}
