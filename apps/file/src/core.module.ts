import { IdsModule } from '@bonfire/platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { FILE_CONFIG, type FileConfig } from './config';
import { FileTransactions } from './database/file-transactions';

/** What every feature module may inject: the validated config, the id generator, the transaction runner. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: FileConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        IdsModule.forRoot({ service: 'file', workerId: config.WORKER_ID, mode: config.BONFIRE_MODE }),
      ],
      providers: [{ provide: FILE_CONFIG, useValue: config }, FileTransactions],
      exports: [FILE_CONFIG, FileTransactions],
    };
  }
}
