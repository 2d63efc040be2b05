import { Module } from '@nestjs/common';
import { DataExportWorker } from './data-export.worker';
import { DataExportsController } from './data-exports.controller';
import { DataExportsRepository } from './data-exports.repository';
import { DataExportsService } from './data-exports.service';
import { ExportAccountClient } from './export-account.client';
import { ExportArchiveBuilder } from './export-archive.builder';
import { ExportFilesClient } from './export-files.client';
import { ExportSourceRepository } from './export-source.repository';

/** Data export (issue 21 item 4): the requests, the job table and the worker that builds the ZIP. */
@Module({
  controllers: [DataExportsController],
  providers: [
    DataExportsRepository,
    DataExportsService,
    ExportSourceRepository,
    ExportFilesClient,
    ExportAccountClient,
    ExportArchiveBuilder,
    DataExportWorker,
  ],
})
export class DataExportsModule {}
