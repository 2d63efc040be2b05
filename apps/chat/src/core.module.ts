import { IdsModule } from '@bonfire/platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CHAT_CONFIG, type ChatConfig } from './config';
import { ChatTransactions } from './database/chat-transactions';

/** What every feature module may inject: the validated config, the id generator, the transaction runner. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        IdsModule.forRoot({ service: 'chat', workerId: config.WORKER_ID, mode: config.BONFIRE_MODE }),
      ],
      providers: [{ provide: CHAT_CONFIG, useValue: config }, ChatTransactions],
      exports: [CHAT_CONFIG, ChatTransactions],
    };
  }
}
