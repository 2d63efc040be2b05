import { Module } from '@nestjs/common';
import { MessageIndexer } from './message-indexer';

@Module({ providers: [MessageIndexer], exports: [MessageIndexer] })
export class IndexerModule {}
