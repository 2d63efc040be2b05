import { Module } from '@nestjs/common';
import { DmsController } from './dms.controller';
import { DmsRepository } from './dms.repository';
import { DmsService } from './dms.service';

@Module({ controllers: [DmsController], providers: [DmsRepository, DmsService], exports: [DmsService] })
export class DmsModule {}
