import type { Channel, Guild } from '@bonfire/sdk';
import { addGuild, putMembers, setRoles, upsertDm } from '../slices/guilds';
import { putPresences } from '../slices/presence';
import type { StoreKernel } from './kernel';
import type { UserEffects } from './users';

/** Member lists, roles and guilds fetched over REST to complete what `ready` and dispatches carry. */
export class GuildEffects {
  constructor(
    private readonly kernel: StoreKernel,
    private readonly users: UserEffects,
  ) {}

  async loadMembers(guildId: string): Promise<void> {
    const { client } = this.kernel;
    try {
      const members = await client.members.list(guildId, { limit: 1000 });
      this.kernel.update((state) => putMembers(state, guildId, members));
      for (const member of members) void this.users.ensureUser(member.userId);
      const presences = await client.presence.guild(guildId).catch(() => []);
      this.kernel.update((state) => putPresences(state, presences));
    } catch {
      // The member list shows what `ready` carried.
    }
  }

  /** The guild's roles from the API (a guild added after `ready` has none yet). */
  async loadRoles(guildId: string): Promise<void> {
    try {
      const roles = await this.kernel.client.roles.list(guildId);
      this.kernel.update((state) => setRoles(state, guildId, roles));
    } catch {
      // Role dispatches keep what is known current; settings ask again when opened.
    }
  }

  addGuild(guild: Guild, channels: Channel[]): void {
    if (this.kernel.getState().guilds[guild.id]) return;
    this.kernel.update((state) => addGuild(state, guild, channels));
    // `ready` carries roles and members; a guild created or joined since then fetches them.
    void this.loadRoles(guild.id);
    void this.loadMembers(guild.id);
  }

  /** Joined on another device: the next `ready` carries the guild; what is needed now is fetched. */
  fetchJoinedGuild(guildId: string): void {
    const { client } = this.kernel;
    void client.guilds
      .get(guildId)
      .then(async (guild) => this.addGuild(guild, await client.channels.list(guild.id)));
  }

  /** Adds a DM, or replaces the known copy, and fetches its members' profiles. */
  addDm(channel: Channel): void {
    this.kernel.update((state) => upsertDm(state, channel));
    for (const userId of channel.recipientIds) void this.users.ensureUser(userId);
  }
}
