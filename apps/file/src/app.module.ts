import { OutboxRelayModule } from '@bonfire/messaging';
import { createLogger, DatabaseModule, IdentityModule, PlatformModule, RedisModule } from '@bonfire/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ChatAccessModule } from './chat/chat-access.module';
import { ClaimsModule } from './claims/claims.module';
import type { FileConfig } from './config';
import { CoreModule } from './core.module';
import { fileMigrations } from './database/migrations';
import { DownloadsModule } from './downloads/downloads.module';
import { EventsModule } from './events/events.module';
import { FilesModule } from './files/files.module';
import { RemovalModule } from './removal/removal.module';
import { StorageModule } from './storage/storage.module';
import { UploadsModule } from './uploads/uploads.module';

@Module({})
export class FileServiceModule {
  static register(config: FileConfig): DynamicModule {
    return {
      module: FileServiceModule,
      imports: [
        PlatformModule.forRoot({ service: 'file', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          url: config.FILE_DATABASE_URL,
          migrations: fileMigrations,
          applicationName: 'bonfire-file',
          maxConnections: config.FILE_DATABASE_POOL_SIZE,
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'bonfire-file' }),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        OutboxRelayModule.forRoot({
          producer: 'file',
          databaseUrl: config.FILE_DATABASE_URL,
          kafkaBrokers: config.KAFKA_BROKERS,
          enabled: config.FILE_OUTBOX_RELAY_ENABLED,
          logger: createLogger('file', config.LOG_LEVEL).child({ component: 'outbox-relay' }),
        }),
        CoreModule.forRoot(config),
        EventsModule,
        StorageModule,
        FilesModule,
        ChatAccessModule,
        UploadsModule,
        DownloadsModule,
        ClaimsModule,
        RemovalModule,
      ],
    };
  }
}
