import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers/workers.module';
import { RoomsService } from './rooms.service';

@Module({ imports: [WorkersModule], providers: [RoomsService], exports: [RoomsService] })
export class RoomsModule {}
