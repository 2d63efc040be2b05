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
 * How long each read gathers handshakes. One event-loop turn caught about two handshakes at 400 a second
 * (each arrives in its own network read); 2 ms catch several, for ≤ 2 ms per read stage of `ready`.
 */
const READY_GATHER = { gatherMs: 2 };

/**
 * The reads behind `ready`, each gathered across concurrent handshakes (KeyedBatch, for READY_GATHER): a reconnect storm of
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
    this.memberships = new KeyedBatch((ids: string[]) => repository.membershipsOf(ids), READY_GATHER);
    this.memberRoleIds = new KeyedBatch((ids: string[]) => repository.memberRoleIdsOf(ids), READY_GATHER);
    this.dmChannels = new KeyedBatch((ids: string[]) => repository.dmChannelsOf(ids), READY_GATHER);
    this.readStates = new KeyedBatch((ids: string[]) => repository.readStatesOf(ids), READY_GATHER);
    this.relationships = new KeyedBatch(
      (ids: string[]) => relationships.listOf(transactions.executor, ids),
      READY_GATHER,
    );
    // by guild id
    this.roles = new KeyedBatch(
      async (ids: string[]) => groupRows(await repository.roles(ids), (role) => role.guildId),
      READY_GATHER,
    );
    this.guildChannels = new KeyedBatch(
      async (ids: string[]) =>
        groupRows(await repository.guildChannels(ids), (channel) => channel.guildId ?? ''),
      READY_GATHER,
    );
    this.activeThreads = new KeyedBatch(
      async (ids: string[]) =>
        groupRows(await repository.activeThreads(ids), (thread) => thread.guildId ?? ''),
      READY_GATHER,
    );
    this.memberPages = new KeyedBatch(
      async (ids: string[]) =>
        groupRows(await repository.memberPages(ids, READY_MEMBER_PAGE_SIZE), (row) => row.guildId),
      READY_GATHER,
    );
    this.emojis = new KeyedBatch((ids: string[]) => repository.emojis(ids), READY_GATHER);
    // by channel id
    this.overwrites = new KeyedBatch((ids: string[]) => access.overwritesOf(ids), READY_GATHER);
    this.recipients = new KeyedBatch((ids: string[]) => repository.recipients(ids), READY_GATHER);
  }
}
