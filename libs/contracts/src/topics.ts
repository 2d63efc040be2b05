/**
 * Kafka topic names, one per aggregate. Partitions and retention are declared in infra/kafka/topics.json;
 * a unit test keeps the two lists in step. Every topic has a dead-letter twin named `<topic>.dlq`.
 */
export const TOPICS = {
  authUsers: 'auth.users',
  authSessions: 'auth.sessions',
  chatGuilds: 'chat.guilds',
  chatChannels: 'chat.channels',
  chatMembers: 'chat.members',
  chatRoles: 'chat.roles',
  chatMessages: 'chat.messages',
  chatReadStates: 'chat.readstates',
  chatInvites: 'chat.invites',
  presenceUpdates: 'presence.updates',
  voiceStates: 'voice.states',
  filesObjects: 'files.objects',
  platformSelftest: 'platform.selftest',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS);

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
