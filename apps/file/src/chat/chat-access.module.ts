import { Global, Module } from '@nestjs/common';
import { ChatAccessClient } from './chat-access.client';

@Global()
@Module({ providers: [ChatAccessClient], exports: [ChatAccessClient] })
export class ChatAccessModule {}
