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
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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

  @Post('messages/:messageId/threads')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Start a public thread from a message of a guild text channel (CREATE_PUBLIC_THREADS, ' +
      'READ_MESSAGE_HISTORY); one thread per message.',
  })
  @ApiBody({ schema: openApiSchema(createThreadFromMessageSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(channelSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, INVALID_CHANNEL_TYPE', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({ status: 409, description: 'THREAD_ALREADY_CREATED', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL, UNKNOWN_MESSAGE', schema: errors })
  createFromMessage(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Body(new ZodValidationPipe(createThreadFromMessageSchema)) body: CreateThreadFromMessageDto,
  ): Promise<Channel> {
    return this.threads.createFromMessage(caller.userId, channelId, messageId, body);
  }

  @Post('threads')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Start a thread in a guild text channel: public (CREATE_PUBLIC_THREADS) or private ' +
      '(CREATE_PRIVATE_THREADS; seen by its members and MANAGE_THREADS holders).',
  })
  @ApiBody({ schema: openApiSchema(createThreadSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(channelSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, INVALID_CHANNEL_TYPE', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  create(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(createThreadSchema)) body: CreateThreadDto,
  ): Promise<Channel> {
    return this.threads.create(caller.userId, channelId, body);
  }

  @Get('threads/active')
  @ApiOperation({ summary: 'The active threads of a text channel you can see, oldest first.' })
  @ApiOkResponse({ schema: openApiSchema(threadListSchema) })
  @ApiResponse({ status: 400, description: 'INVALID_CHANNEL_TYPE', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', schema: errors })
  active(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
  ): Promise<ThreadList> {
    return this.threads.active(caller.userId, channelId);
  }

  @Get('threads/archived')
  @ApiOperation({
    summary:
      'The archived threads of a text channel you can see, newest archive first; `before` (ISO time) ' +
      'pages back, `hasMore` tells whether there is more.',
  })
  @ApiQuery({ name: 'before', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } })
  @ApiOkResponse({ schema: openApiSchema(threadListSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, INVALID_CHANNEL_TYPE', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', schema: errors })
  archived(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Query(new ZodValidationPipe(archivedThreadsQuerySchema)) query: ArchivedThreadsQuery,
  ): Promise<ThreadList> {
    return this.threads.archived(caller.userId, channelId, query);
  }

  @Get('thread-members')
  @ApiOperation({ summary: "A thread's members (you must see the thread)." })
  @ApiOkResponse({ schema: openApiSchema(z.array(threadMemberSchema)) })
  @ApiResponse({ status: 400, description: 'INVALID_CHANNEL_TYPE (not a thread)', schema: errors })
  members(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
  ): Promise<ThreadMember[]> {
    return this.threads.members(caller.userId, threadId);
  }

  @Put('thread-members/@me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Join a thread you can see (not an archived one).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'INVALID_CHANNEL_TYPE, THREAD_ARCHIVED', schema: errors })
  async join(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
  ): Promise<void> {
    await this.threads.join(caller.userId, threadId);
  }

  @Delete('thread-members/@me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave a thread.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'INVALID_CHANNEL_TYPE', schema: errors })
  async leave(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
  ): Promise<void> {
    await this.threads.leave(caller.userId, threadId);
  }

  @Put('thread-members/:userId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Add a guild member who can see the parent channel to a thread (you must be able to send in it; ' +
      'a private thread that is not invitable: MANAGE_THREADS or its owner).',
  })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'INVALID_CHANNEL_TYPE, THREAD_ARCHIVED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL, UNKNOWN_MEMBER', schema: errors })
  async add(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<void> {
    await this.threads.add(caller.userId, threadId, userId);
  }

  @Delete('thread-members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member from a thread (MANAGE_THREADS; yourself: as leaving).' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'INVALID_CHANNEL_TYPE', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errors })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL, UNKNOWN_MEMBER', schema: errors })
  async remove(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) threadId: string,
    @Param('userId', userIdPipe()) userId: string,
  ): Promise<void> {
    await this.threads.remove(caller.userId, threadId, userId);
  }
}
