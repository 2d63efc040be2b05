import type { DynamicModule } from '@nestjs/common';

/** Service-to-service feature modules (not routed by the gateway): the realtime state for `ready`. */
export const INTERNAL_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [];
