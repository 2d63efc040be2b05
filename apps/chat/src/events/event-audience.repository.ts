import { Injectable } from '@nestjs/common';
import type { ChatExecutor } from '../database/chat-transactions';

/** What the events writer reads to address events: the channels (threads included) of a guild. */
@Injectable()
export class EventAudienceRepository {
  async channelIdsInGuild(db: ChatExecutor, guildId: string): Promise<string[]> {
    const rows = await db.selectFrom('channels').select('id').where('guildId', '=', guildId).execute();
    return rows.map((row) => row.id);
  }
}
