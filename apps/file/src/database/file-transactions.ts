import { type Executor, InjectDatabase, type Kysely, TransactionRunner } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { FileDatabase } from './schema';

export type FileExecutor = Executor<FileDatabase>;

@Injectable()
export class FileTransactions extends TransactionRunner<FileDatabase> {
  constructor(@InjectDatabase() db: Kysely<FileDatabase>) {
    super(db);
  }
}
