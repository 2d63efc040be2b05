import { Module } from '@nestjs/common';
import { VoiceEventsPublisher } from './voice-events.publisher';

@Module({ providers: [VoiceEventsPublisher], exports: [VoiceEventsPublisher] })
export class EventsModule {}
