import { type DataExport, dataExportSchema } from '@bonfire/contracts';
import { Caller, type CallerIdentity, Endpoint } from '@bonfire/platform';
import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DataExportsService } from './data-exports.service';

@ApiTags('data-exports')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me/data-exports')
export class DataExportsController {
  constructor(private readonly exports: DataExportsService) {}

  @Endpoint({
    method: 'POST',
    status: 202,
    summary:
      'Start an export of my data: a ZIP (profile, guilds, DMs, every message I wrote, my attachments and ' +
      'their files) built in the background; `data_export.updated` on my sockets tells its progress. Ready, ' +
      'it is downloadable by me alone until `expiresAt` (7 days by default).',
    response: dataExportSchema,
    errors: {
      409: 'DATA_EXPORT_IN_PROGRESS (one of mine is pending or running)',
      429: 'DATA_EXPORT_TOO_SOON (one export per 24 hours; failed ones do not count; Retry-After header)',
    },
  })
  request(@Caller() caller: CallerIdentity): Promise<DataExport> {
    return this.exports.request(caller.userId);
  }

  @Endpoint({
    method: 'GET',
    summary:
      'My data exports, newest first (at most 20): status (pending, running, ready, failed, expired), progress ' +
      '0–100, and when ready the download URL (GET it with my token: 302 to the ZIP) and its expiry.',
    response: z.array(dataExportSchema),
  })
  list(@Caller() caller: CallerIdentity): Promise<DataExport[]> {
    return this.exports.list(caller.userId);
  }
}
