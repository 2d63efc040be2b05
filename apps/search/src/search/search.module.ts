import { Module } from '@nestjs/common';
import { ChatClient } from './chat.client';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

@Module({ controllers: [SearchController], providers: [ChatClient, SearchService] })
export class SearchModule {}
