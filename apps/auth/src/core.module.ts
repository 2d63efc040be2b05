import { IdsModule } from '@bonfire/platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from './config';
import { TransactionRunner } from './database/transaction-runner';

/** What every feature module may inject: the validated config, the id generator, the transaction runner. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        IdsModule.forRoot({ service: 'auth', workerId: config.WORKER_ID, mode: config.BONFIRE_MODE }),
      ],
      providers: [{ provide: AUTH_CONFIG, useValue: config }, TransactionRunner],
      exports: [AUTH_CONFIG, TransactionRunner],
    };
  }
}
