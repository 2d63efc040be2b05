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
import { ChatAccessModule } from './chat/chat-access.module';
import { ClaimsModule } from './claims/claims.module';
import type { FileConfig } from './config';
import { CoreModule } from './core.module';
import { fileMigrations } from './database/migrations';
import { DownloadsModule } from './downloads/downloads.module';
import { EventsModule } from './events/events.module';
import { ExportsModule } from './exports/exports.module';
import { FilesModule } from './files/files.module';
import { RemovalModule } from './removal/removal.module';
import { RemoteImagesModule } from './remote-images/remote-images.module';
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
          embedded: embeddedDatabase(config, 'file'),
          migrations: fileMigrations,
          applicationName: 'bonfire-file',
          camelCase: true,
          maxConnections: config.FILE_DATABASE_POOL_SIZE,
          preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        }),
        // Redis only leases the snowflake worker id, which the standalone shape does not need.
        ...(config.BONFIRE_MODE === 'distributed'
          ? [
              RedisModule.forRoot({
                url: distributedSetting(config.REDIS_URL, 'REDIS_URL'),
                connectionName: 'bonfire-file',
              }),
            ]
          : []),
        IdentityModule.forRoot({ secret: config.INTERNAL_IDENTITY_SECRET }),
        MessagingModule.forService('file', config),
        OutboxRelayModule.forRoot({
          enabled: config.FILE_OUTBOX_RELAY_ENABLED,
        }),
        CoreModule.forRoot(config),
        EventsModule,
        StorageModule.forRoot(config),
        FilesModule,
        ChatAccessModule,
        UploadsModule,
        DownloadsModule,
        ClaimsModule,
        RemovalModule,
        RemoteImagesModule,
        ExportsModule,
      ],
    };
  }
}
