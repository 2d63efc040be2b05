import {
  type Executor as AnyExecutor,
  InjectDatabase,
  type Kysely,
  TransactionRunner as BaseRunner,
} from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import type { AuthDatabase } from './schema';

export { uniqueViolation } from '@bonfire/platform';

export type Executor = AnyExecutor<AuthDatabase>;

@Injectable()
export class TransactionRunner extends BaseRunner<AuthDatabase> {
  constructor(@InjectDatabase() db: Kysely<AuthDatabase>) {
    super(db);
  }
}
