import type { DynamicModule } from '@nestjs/common';
import { RealtimeStateModule } from './realtime-state/realtime-state.module';
import { SearchSupportModule } from './search-support/search-support.module';

/**
 * Service-to-service feature modules (not routed by the gateway): the realtime state for `ready`, and
 * what the search service asks once per query.
 */
export const INTERNAL_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  RealtimeStateModule,
  SearchSupportModule,
];
