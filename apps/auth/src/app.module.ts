import { OutboxRelayModule } from '@bonfire/messaging';
import { createLogger, DatabaseModule, IdentityModule, PlatformModule, RedisModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
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
          migrations: authMigrations,
          applicationName: 'bonfire-auth',
          maxConnections: config.AUTH_DATABASE_POOL_SIZE,
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'bonfire-auth' }),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        CoreModule.forRoot(config),
        OutboxRelayModule.forRoot({
          producer: 'auth',
          databaseUrl: config.AUTH_DATABASE_URL,
          kafkaBrokers: config.KAFKA_BROKERS,
          enabled: config.AUTH_OUTBOX_RELAY_ENABLED,
          logger: createLogger('auth', config.LOG_LEVEL).child({ component: 'outbox-relay' }),
        }),
        EventsModule,
        TokensModule,
        SessionsModule,
        UsersModule,
        AuthModule,
      ],
    };
  }
}
