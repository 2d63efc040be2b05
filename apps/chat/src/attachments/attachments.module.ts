import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { FileAttachmentsClient } from './file-attachments.client';

/** Chat's side of the file service: claiming a message's attachments, and guild permissions for icons. */
@Module({
  controllers: [AttachmentsController],
  providers: [FileAttachmentsClient],
  exports: [FileAttachmentsClient],
})
export class AttachmentsModule {}
