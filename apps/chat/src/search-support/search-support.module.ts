import { Module } from '@nestjs/common';
import { SearchSupportController } from './search-support.controller';
import { SearchSupportRepository } from './search-support.repository';
import { SearchSupportService } from './search-support.service';

/** Internal routes the search service calls once per query: readable channels, usernames → ids. */
@Module({
  controllers: [SearchSupportController],
  providers: [SearchSupportRepository, SearchSupportService],
})
export class SearchSupportModule {}
