import { type Executor, InjectDatabase, type Kysely, TransactionRunner } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { ChatDatabase } from './schema';

export type ChatExecutor = Executor<ChatDatabase>;

@Injectable()
export class ChatTransactions extends TransactionRunner<ChatDatabase> {
  constructor(@InjectDatabase() db: Kysely<ChatDatabase>) {
    super(db);
  }
}
