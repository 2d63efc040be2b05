import type { AnyEvent } from '@bonfire/contracts';
import { EventHandlers, eventGroup } from '@bonfire/messaging';
import { EventPattern, Payload } from '@nestjs/microservices';
import { PRESENCE_CONFIG, type PresenceConfig } from '../config';
import { ProjectionConsumer } from './projection.consumer';

const PROJECTION = eventGroup(PRESENCE_CONFIG, (config: PresenceConfig) => ({
  group: config.PRESENCE_CONSUMER_GROUP,
  startFrom: config.PRESENCE_PROJECTION_START_FROM,
  enabled: config.PRESENCE_PROJECTION_ENABLED,
  readiness: 'projection-consumer',
}));

/** chat.members, chat.guilds, chat.channels and auth.users events → the audience projection. */
@EventHandlers()
export class ProjectionHandlers {
  constructor(private readonly projection: ProjectionConsumer) {}

  @EventPattern(
    [
      'guild.created',
      'member.joined',
      'member.left',
      'guild.deleted',
      'channel.created',
      'relationship.added',
      'relationship.removed',
      'user.deleted',
    ],
    PROJECTION,
  )
  apply(@Payload() event: AnyEvent): Promise<void> {
    return this.projection.apply(event);
  }
}
