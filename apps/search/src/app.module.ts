import { MessagingModule } from '@bonfire/messaging';
import { IdentityModule, PlatformModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { SearchConfig } from './config';
import { CoreModule } from './core.module';
import { MessageIndexModule } from './index/message-index.module';
import { IndexerModule } from './indexer/indexer.module';
import { SearchModule } from './search/search.module';

@Module({})
export class SearchServiceModule {
  static register(config: SearchConfig): DynamicModule {
    return {
      module: SearchServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'search', logLevel: config.LOG_LEVEL }),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        MessagingModule.forService('search', config),
        CoreModule.forRoot(config),
        MessageIndexModule.forRoot(config),
        IndexerModule,
        SearchModule,
      ],
    };
  }
}
