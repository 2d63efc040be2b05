import { groupRows, KeyedBatch } from '@bonfire/platform';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { ChatTransactions } from '../database/chat-transactions';
import { RelationshipsRepository } from '../relationships/relationships.repository';
import {
  type MemberPageRow,
  type Membership,
  type ReadState,
  RealtimeStateRepository,
} from './realtime-state.repository';

/** Members listed per guild in `ready` (presence joins this page in issue 6). */
const READY_MEMBER_PAGE_SIZE = 100;

/**
 * The reads behind `ready`, each gathered across concurrent handshakes (KeyedBatch): a reconnect storm of
 * a thousand users in one guild reads its roles and channels once per turn of the event loop, not once
 * per user. Each read starts after the handshakes it serves asked, so none gets a state older than its
 * request (the gateway's new-session capture relies on that).
 */
@Injectable()
export class RealtimeStateReads {
  readonly memberships: KeyedBatch<string, Membership[]>;
  readonly memberRoleIds;
  readonly dmChannels;
  readonly readStates: KeyedBatch<string, ReadState[]>;
  readonly relationships;
  readonly roles;
  readonly guildChannels;
  readonly activeThreads;
  readonly memberPages: KeyedBatch<string, MemberPageRow[]>;
  readonly emojis;
  readonly overwrites;
  readonly recipients;

  constructor(
    repository: RealtimeStateRepository,
    access: AccessService,
    relationships: RelationshipsRepository,
    transactions: ChatTransactions,
  ) {
    // by user id
    this.memberships = new KeyedBatch((ids: string[]) => repository.membershipsOf(ids));
    this.memberRoleIds = new KeyedBatch((ids: string[]) => repository.memberRoleIdsOf(ids));
    this.dmChannels = new KeyedBatch((ids: string[]) => repository.dmChannelsOf(ids));
    this.readStates = new KeyedBatch((ids: string[]) => repository.readStatesOf(ids));
    this.relationships = new KeyedBatch((ids: string[]) => relationships.listOf(transactions.executor, ids));
    // by guild id
    this.roles = new KeyedBatch(async (ids: string[]) =>
      groupRows(await repository.roles(ids), (role) => role.guildId),
    );
    this.guildChannels = new KeyedBatch(async (ids: string[]) =>
      groupRows(await repository.guildChannels(ids), (channel) => channel.guildId ?? ''),
    );
    this.activeThreads = new KeyedBatch(async (ids: string[]) =>
      groupRows(await repository.activeThreads(ids), (thread) => thread.guildId ?? ''),
    );
    this.memberPages = new KeyedBatch(async (ids: string[]) =>
      groupRows(await repository.memberPages(ids, READY_MEMBER_PAGE_SIZE), (row) => row.guildId),
    );
    this.emojis = new KeyedBatch((ids: string[]) => repository.emojis(ids));
    // by channel id
    this.overwrites = new KeyedBatch((ids: string[]) => access.overwritesOf(ids));
    this.recipients = new KeyedBatch((ids: string[]) => repository.recipients(ids));
  }
}
