import type { DynamicModule } from '@nestjs/common';
import { RealtimeStateModule } from './realtime-state/realtime-state.module';
import { SearchSupportModule } from './search-support/search-support.module';
import { VoiceSupportModule } from './voice-support/voice-support';

/**
 * Service-to-service feature modules (not routed by the gateway): the realtime state for `ready`, and
 * what the search service asks once per query, and what the voice service asks to admit a member.
 */
export const INTERNAL_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  RealtimeStateModule,
  SearchSupportModule,
  VoiceSupportModule,
];
