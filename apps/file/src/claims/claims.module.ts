import { Module } from '@nestjs/common';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { EmojiClaimsController } from './emoji-claims.controller';
import { EmojiClaimsService } from './emoji-claims.service';

@Module({
  controllers: [ClaimsController, EmojiClaimsController],
  providers: [ClaimsService, EmojiClaimsService],
})
export class ClaimsModule {}
