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
import { AccountDeletionModule } from './account-deletion/account-deletion.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import type { AuthConfig } from './config';
import { CoreModule } from './core.module';
import { authMigrations } from './database/migrations';
import { EventsModule } from './events/events.module';
import { SessionsModule } from './sessions/sessions.module';
import { TokensModule } from './tokens/tokens.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AuthServiceModule {
  static register(config: AuthConfig): DynamicModule {
    return {
      module: AuthServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'auth', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.AUTH_DATABASE_URL,
          embedded: embeddedDatabase(config, 'auth'),
          migrations: authMigrations,
          applicationName: 'bonfire-auth',
          camelCase: true,
          maxConnections: config.AUTH_DATABASE_POOL_SIZE,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        }),
        ...(config.BONFIRE_MODE === 'distributed'
          ? [
              RedisModule.forRoot({
                url: distributedSetting(config.REDIS_URL, 'REDIS_URL'),
                connectionName: 'bonfire-auth',
              }),
            ]
          : []),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        CoreModule.forRoot(config),
        MessagingModule.forService('auth', config),
        OutboxRelayModule.forRoot({
          enabled: config.AUTH_OUTBOX_RELAY_ENABLED,
        }),
        EventsModule,
        TokensModule,
        SessionsModule,
        UsersModule,
        AuthModule,
        ApplicationsModule,
        AccountDeletionModule,
      ],
    };
  }
}
