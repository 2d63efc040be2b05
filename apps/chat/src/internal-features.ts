import type { DynamicModule } from '@nestjs/common';
import { RealtimeStateModule } from './realtime-state/realtime-state.module';

/** Service-to-service feature modules (not routed by the gateway): the realtime state for `ready`. */
export const INTERNAL_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [RealtimeStateModule];
