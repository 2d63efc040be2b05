import { Module } from '@nestjs/common';
import { WorkerMetrics } from './worker-metrics';
import { WorkerPool } from './worker-pool';

@Module({ providers: [WorkerPool, WorkerMetrics], exports: [WorkerPool] })
export class WorkersModule {}
