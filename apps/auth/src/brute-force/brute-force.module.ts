import { Module } from '@nestjs/common';
import { BruteForceService } from './brute-force.service';
import { FAILURE_COUNTER_STORE, RedisFailureCounterStore } from './failure-counter';

@Module({
  providers: [BruteForceService, { provide: FAILURE_COUNTER_STORE, useClass: RedisFailureCounterStore }],
  exports: [BruteForceService],
})
export class BruteForceModule {}
