import type { AnyEvent } from '@bonfire/contracts';
import { BACKGROUND_GATHER_MS, eventGroup, EventHandlers } from '@bonfire/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CHAT_CONFIG, type ChatConfig } from '../config';
import { EmbedsWorker } from './embeds.worker';

const EMBEDS = eventGroup(CHAT_CONFIG, (config: ChatConfig) => ({
  group: config.CHAT_EMBEDS_CONSUMER_GROUP,
  startFrom: 'latest',
  enabled: config.CHAT_EMBEDS_ENABLED,
  readiness: 'embeds-consumer',
  gatherMs: BACKGROUND_GATHER_MS,
}));

/** New and edited messages → the embeds worker (it unfurls their links in the background). */
@EventHandlers()
export class EmbedsHandlers {
  constructor(private readonly worker: EmbedsWorker) {}

  @EventPattern(['message.created', 'message.updated'], EMBEDS)
  apply(@Payload() event: AnyEvent): Promise<void> {
    return this.worker.apply(event);
  }
}
