/** Every Redis key the voice service writes, under one prefix. */
export class VoiceKeys {
  constructor(readonly prefix: string) {}

  /** JSON of one user's voice state (one per user: a join elsewhere replaces it). */
  state(userId: string): string {
    return `${this.prefix}:state:${userId}`;
  }

  /** Set of user ids in a voice channel. */
  channelUsers(channelId: string): string {
    return `${this.prefix}:channel:${channelId}:users`;
  }

  /** Set of user ids in any voice channel of a guild. */
  guildUsers(guildId: string): string {
    return `${this.prefix}:guild:${guildId}:users`;
  }

  /** Set of registered node ids. */
  nodes(): string {
    return `${this.prefix}:nodes`;
  }

  /** JSON registration of a node (endpoint, load), expiring unless the node heartbeats. */
  node(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}`;
  }

  /** Set of channel ids whose rooms are pinned to a node. */
  nodeRooms(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}:rooms`;
  }

  /** Held while one node reaps a dead one. */
  nodeReaping(nodeId: string): string {
    return `${this.prefix}:node:${nodeId}:reaping`;
  }

  /** The node hosting a channel's room (SET NX: one node per room). */
  roomNode(channelId: string): string {
    return `${this.prefix}:room:${channelId}:node`;
  }

  /** Pub/sub channel: state changes and session ends for the node holding the session. */
  control(): string {
    return `${this.prefix}:control`;
  }
}
