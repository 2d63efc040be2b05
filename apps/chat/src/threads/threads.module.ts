import { Module } from '@nestjs/common';
import { ThreadsController } from './threads.controller';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

@Module({
  controllers: [ThreadsController],
  providers: [ThreadsRepository, ThreadsService],
  exports: [ThreadsRepository, ThreadsService],
})
export class ThreadsModule {}
