import { HealthRegistry } from '@bonfire/platform';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import type { FileConfig } from '../config';
import { LocalObjectStore } from './local-object.store';
import { LocalStorageController } from './local-storage.controller';
import { ObjectStore } from './object-store';
import { S3ObjectStore, s3Settings } from './s3-object.store';

/**
 * The ObjectStore port: an S3-compatible server in the distributed shape; a folder in BONFIRE_DATA_DIR,
 * with the routes that serve its signed URLs, in the standalone shape.
 */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: FileConfig): DynamicModule {
    if (config.BONFIRE_MODE === 'standalone') {
      return {
        module: StorageModule,
        controllers: [LocalStorageController],
        providers: [
          {
            provide: LocalObjectStore,
            inject: [HealthRegistry],
            useFactory: (health: HealthRegistry) =>
              new LocalObjectStore(
                {
                  root: join(config.BONFIRE_DATA_DIR, 'files'),
                  publicUrl: filePublicUrl(config),
                  secret: config.INTERNAL_IDENTITY_SECRET,
                },
                health,
              ),
          },
          { provide: ObjectStore, useExisting: LocalObjectStore },
        ],
        exports: [ObjectStore],
      };
    }
    return {
      module: StorageModule,
      providers: [
        {
          provide: ObjectStore,
          inject: [HealthRegistry],
          useFactory: (health: HealthRegistry) => new S3ObjectStore(s3Settings(config), health),
        },
      ],
      exports: [ObjectStore],
    };
  }
}

/** Where clients reach the signed storage URLs: FILE_PUBLIC_URL, else the gateway of this machine. */
export function filePublicUrl(config: FileConfig): string {
  return config.FILE_PUBLIC_URL ?? `http://localhost:${config.GATEWAY_PORT}`;
}
