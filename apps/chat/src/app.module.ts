import { MessagingModule, OutboxRelayModule } from '@bonfire/messaging';
import {
  DatabaseModule,
  distributedSetting,
  embeddedDatabase,
  IdentityModule,
  PlatformModule,
  RedisModule,
} from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import type { ChatConfig } from './config';
import { CoreModule } from './core.module';
import { DataExportsModule } from './data-exports/data-exports.module';
import { chatMigrations } from './database/migrations';
import { EventsModule } from './events/events.module';
import { GUILD_FEATURE_MODULES } from './guild-features';
import { INTERNAL_FEATURE_MODULES } from './internal-features';
import { MESSAGE_FEATURE_MODULES } from './message-features';
import { UsersModule } from './users/users.module';

@Module({})
export class ChatServiceModule {
  static register(config: ChatConfig): DynamicModule {
    return {
      module: ChatServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'chat', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.CHAT_DATABASE_URL,
          embedded: embeddedDatabase(config, 'chat'),
          migrations: chatMigrations,
          applicationName: 'bonfire-chat',
          camelCase: true,
          maxConnections: config.CHAT_DATABASE_POOL_SIZE,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        }),
        ...(config.BONFIRE_MODE === 'distributed'
          ? [
              RedisModule.forRoot({
                url: distributedSetting(config.REDIS_URL, 'REDIS_URL'),
                connectionName: 'bonfire-chat',
              }),
            ]
          : []),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        MessagingModule.forService('chat', config),
        OutboxRelayModule.forRoot({
          enabled: config.CHAT_OUTBOX_RELAY_ENABLED,
        }),
        CoreModule.forRoot(config),
        EventsModule,
        AccessModule,
        AuditLogModule,
        UsersModule,
        DataExportsModule,
        ...GUILD_FEATURE_MODULES,
        ...MESSAGE_FEATURE_MODULES,
        ...INTERNAL_FEATURE_MODULES,
      ],
    };
  }
}
