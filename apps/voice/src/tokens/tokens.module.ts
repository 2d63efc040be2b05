import { Module } from '@nestjs/common';
import { VoiceTokenService } from './voice-token.service';

@Module({ providers: [VoiceTokenService], exports: [VoiceTokenService] })
export class TokensModule {}
