import {
  type Channel,
  channelSchema,
  type ThreadList,
  type ThreadMember,
  threadListSchema,
  threadMemberSchema,
} from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { channelIdPipe, userIdPipe } from '../guilds/guild-common';
import { messageIdPipe } from '../messages/messages.service';
import {
  type ArchivedThreadsQuery,
  archivedThreadsQuerySchema,
  type CreateThreadDto,
  type CreateThreadFromMessageDto,
  createThreadFromMessageSchema,
  createThreadSchema,
} from './threads.dto';
import { ThreadsService } from './threads.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('threads')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL (also when you cannot see it)', schema: errors })
@Controller('api/v1/channels/:channelId')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Endpoint({
    method: 'POST',
    path: 'messages/:messageId/threads',
    summary:
      'Start a public thread from a message of a guild text channel (CREATE_PUBLIC_THREADS, ' +
      'READ_MESSAGE_HISTORY); one thread per message.',
    body: createThreadFromMessageSchema,
    response: channelSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED, INVALID_CHANNEL_TYPE',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL, UNKNOWN_MESSAGE',
      409: 'THREAD_ALREADY_CREATED',
    },
  })
  createFromMessage(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Body(new ZodValidationPipe(createThreadFromMessageSchema)) body: CreateThreadFromMessageDto,
  ): Promise<Channel> {
    return this.threads.createFromMessage(caller.userId, channelId, messageId, body);
  }

  @Endpoint({
    method: 'POST',
    path: 'threads',
    summary:
      'Start a thread in a guild text channel: public (CREATE_PUBLIC_THREADS) or private ' +
      '(CREATE_PRIVATE_THREADS; seen by its members and MANAGE_THREADS holders).',
    body: createThreadSchema,
    response: channelSchema,
    status: 201,
    errors: { 400: 'VALIDATION_FAILED, INVALID_CHANNEL_TYPE', 403: 'MISSING_PERMISSION' },
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(createThreadSchema)) body: CreateThreadDto,
  ): Promise<Channel> {
    return this.threads.create(caller.userId, channelId, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'threads/active',
    summary: 'The active threads of a text channel you can see, oldest first.',
    response: threadListSchema,
    errors: { 400: 'INVALID_CHANNEL_TYPE', 403: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)' },
  })
  active(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<ThreadList> {
    return this.threads.active(caller.userId, channelId);
  }

  @Endpoint({
    method: 'GET',
    path: 'threads/archived',
    summary:
      'The archived threads of a text channel you can see, newest archive first; `before` (ISO time) ' +
      'pages back, `hasMore` tells whether there is more.',
    query: archivedThreadsQuerySchema,
    response: threadListSchema,
    errors: {
      400: 'VALIDATION_FAILED, INVALID_CHANNEL_TYPE',
      403: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)',
    },
  })
  archived(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Query(new ZodValidationPipe(archivedThreadsQuerySchema)) query: ArchivedThreadsQuery,
  ): Promise<ThreadList> {
    return this.threads.archived(caller.userId, channelId, query);
  }

  @Endpoint({
    method: 'GET',
    path: 'thread-members',
    summary: "A thread's members (you must see the thread).",
    response: z.array(threadMemberSchema),
    errors: { 400: 'INVALID_CHANNEL_TYPE (not a thread)' },
  })
  members(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
  ): Promise<ThreadMember[]> {
    return this.threads.members(caller.userId, threadId);
  }

  @Endpoint({
    method: 'PUT',
    path: 'thread-members/@me',
    summary: 'Join a thread you can see (not an archived one).',
    errors: { 400: 'INVALID_CHANNEL_TYPE, THREAD_ARCHIVED' },
  })
  async join(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
  ): Promise<void> {
    await this.threads.join(caller.userId, threadId);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'thread-members/@me',
    summary: 'Leave a thread.',
    errors: { 400: 'INVALID_CHANNEL_TYPE' },
  })
  async leave(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
  ): Promise<void> {
    await this.threads.leave(caller.userId, threadId);
  }

  @Endpoint({
    method: 'PUT',
    path: 'thread-members/:userId',
    summary:
      'Add a guild member who can see the parent channel to a thread (you must be able to send in it; ' +
      'a private thread that is not invitable: MANAGE_THREADS or its owner).',
    errors: {
      400: 'INVALID_CHANNEL_TYPE, THREAD_ARCHIVED',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL, UNKNOWN_MEMBER',
    },
  })
  async add(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<void> {
    await this.threads.add(caller.userId, threadId, userId);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'thread-members/:userId',
    summary: 'Remove a member from a thread (MANAGE_THREADS; yourself: as leaving).',
    errors: {
      400: 'INVALID_CHANNEL_TYPE',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL, UNKNOWN_MEMBER',
    },
  })
  async remove(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<void> {
    await this.threads.remove(caller.userId, threadId, userId);
  }
}
