import { Module } from '@nestjs/common';
import { RealtimeServer } from './realtime.server';

/** The realtime edge: socket.io at /realtime on the gateway's HTTP server (see RealtimeServer). */
@Module({ providers: [RealtimeServer], exports: [RealtimeServer] })
export class RealtimeModule {}
