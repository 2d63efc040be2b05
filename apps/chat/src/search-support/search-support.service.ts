import {
  ERROR,
  has,
  PERMISSIONS,
  type ReadableChannelsAnswer,
  type UsersByNameAnswer,
} from '@bonfire/contracts';
import { AppError } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { SearchSupportRepository } from './search-support.repository';

@Injectable()
export class SearchSupportService {
  constructor(
    private readonly access: AccessService,
    private readonly repository: SearchSupportRepository,
  ) {}

  /** The guild's channels the caller can see and whose history they may read; 404 for non-members. */
  async readableChannels(guildId: string, userId: string): Promise<ReadableChannelsAnswer> {
    const guild = await this.access.guild(guildId, userId);
    if (!guild) throw new AppError(ERROR.UNKNOWN_GUILD, 'Unknown guild.');
    const channels = await this.repository.guildChannels(guildId);
    const visible = await this.access.visibleChannels(
      guild,
      channels.map((channel) => channel.id),
    );
    return {
      guildId,
      channels: channels.filter((channel) => {
        const permissions = visible.get(channel.id);
        return permissions !== undefined && has(permissions, PERMISSIONS.READ_MESSAGE_HISTORY);
      }),
    };
  }

  async usersByName(usernames: readonly string[]): Promise<UsersByNameAnswer> {
    return { users: await this.repository.usersByName(usernames) };
  }
}
