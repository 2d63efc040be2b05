import { type ComponentLogger, Public, ServiceLogger } from '@bonfire/platform';
import { Controller, Get, Put, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LocalObjectStore } from './local-object.store';
import { serveStorage } from './local-storage.http';
import { STORAGE_PATH } from './signed-url';

/**
 * The signed storage URLs of the standalone shape (the gateway proxies STORAGE_PATH here, untouched):
 * the links are the credential, so no caller identity is needed. Registered only when the store is a
 * local folder; bodies reach it unparsed (see bootstrap).
 */
@ApiExcludeController()
@Public()
@Controller(STORAGE_PATH.slice(1))
export class LocalStorageController {
  private readonly logger: ComponentLogger;

  constructor(
    private readonly store: LocalObjectStore,
    logger: ServiceLogger,
  ) {
    this.logger = logger.for('storage');
  }

  @Put('*key')
  async put(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.serve(req, res);
  }

  /** Also answers HEAD. */
  @Get('*key')
  async get(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.serve(req, res);
  }

  private async serve(req: Request, res: Response): Promise<void> {
    const failure = await serveStorage(this.store, req, res, req.originalUrl);
    if (failure) this.logger.error({ err: failure }, 'storage request failed');
  }
}
