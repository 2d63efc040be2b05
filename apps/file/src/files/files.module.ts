import { Global, Module } from '@nestjs/common';
import { FilesRepository } from './files.repository';

/** The `files` table, shared by uploads, downloads, claims and removal. */
@Global()
@Module({ providers: [FilesRepository], exports: [FilesRepository] })
export class FilesModule {}
