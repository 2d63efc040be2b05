import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../identity/identity.guard';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process answers. Never checks dependencies, so a database outage doesn't restart pods. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** Readiness: every dependency answers; 503 names the ones that don't. */
  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const report = await this.registry.readiness();
    res
      .status(report.ready ? 200 : 503)
      .json({ status: report.ready ? 'up' : 'down', checks: report.checks });
  }
}
