import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { type Message, SNOWFLAKE_PATTERN } from '@bonfire/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type HistoryQuery, historyQuerySchema } from './history-cursor';
import {
  type EditMessageDto,
  editMessageSchema,
  messageListSchema,
  messageSchema,
  type SendMessageDto,
  sendMessageSchema,
} from './messages.dto';
import { channelIdPipe } from '../guilds/guild-common';
import { MessagesService, messageIdPipe } from './messages.service';

const errorSchema = openApiSchema(errorBodySchema);

@ApiTags('messages')
@ApiBearerAuth('accessToken')
@Controller('api/v1/channels/:channelId/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post()
  @ApiOperation({
    summary:
      'Send a message (SEND_MESSAGES). Mentions are parsed from the content and honoured per permission. ' +
      'A retry with the same nonce returns the first message with 200 instead of 201.',
  })
  @ApiBody({ schema: openApiSchema(sendMessageSchema, 'input') })
  @ApiResponse({ status: 201, description: 'Created', schema: openApiSchema(messageSchema) })
  @ApiResponse({
    status: 200,
    description: 'The message sent earlier with this nonce',
    schema: openApiSchema(messageSchema),
  })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION_FAILED (content, replyTo, nonce), INVALID_ATTACHMENT (attachments), INVALID_CHANNEL_TYPE',
    schema: errorSchema,
  })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errorSchema })
  @ApiResponse({
    status: 429,
    description: 'SLOWMODE or RATE_LIMITED (Retry-After header)',
    schema: errorSchema,
  })
  async send(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(sendMessageSchema)) body: SendMessageDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Message> {
    const result = await this.messages.send(caller.userId, channelId, body);
    response.status(result.created ? 201 : 200);
    return result.message;
  }

  @Get()
  @ApiOperation({
    summary:
      'A page of history (READ_MESSAGE_HISTORY), always newest → oldest, whichever cursor is used. ' +
      '`after` returns the oldest messages after the cursor (still ordered newest first); `around` returns ' +
      'the cursor message with the messages on either side.',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
  })
  @ApiQuery({
    name: 'before',
    required: false,
    schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source },
  })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source } })
  @ApiQuery({
    name: 'around',
    required: false,
    schema: { type: 'string', pattern: SNOWFLAKE_PATTERN.source },
  })
  @ApiResponse({ status: 200, schema: openApiSchema(messageListSchema) })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED (limit, or a cursor from another channel)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL', schema: errorSchema })
  history(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Query(new ZodValidationPipe(historyQuerySchema)) query: HistoryQuery,
  ): Promise<Message[]> {
    return this.messages.history(caller.userId, channelId, query);
  }

  @Get(':messageId')
  @ApiOperation({ summary: 'One message (READ_MESSAGE_HISTORY).' })
  @ApiResponse({ status: 200, schema: openApiSchema(messageSchema) })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  get(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<Message> {
    return this.messages.get(caller.userId, channelId, messageId);
  }

  @Patch(':messageId')
  @ApiOperation({
    summary:
      'Edit a message: its content (the author only; sets editedAt) and/or flags SUPPRESS_EMBEDS (4: removes ' +
      'the link embeds; the author, or MANAGE_MESSAGES). Bumps the revision.',
  })
  @ApiBody({ schema: openApiSchema(editMessageSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(messageSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({
    status: 403,
    description: 'NOT_MESSAGE_AUTHOR (content), MISSING_PERMISSION (MANAGE_MESSAGES, flags of another)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  edit(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Body(new ZodValidationPipe(editMessageSchema)) body: EditMessageDto,
  ): Promise<Message> {
    return this.messages.edit(caller.userId, channelId, messageId, body);
  }

  @Delete(':messageId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a message: its author, or anyone with MANAGE_MESSAGES in the channel.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION (MANAGE_MESSAGES)', schema: errorSchema })
  @ApiResponse({ status: 404, description: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE', schema: errorSchema })
  delete(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.messages.delete(caller.userId, channelId, messageId);
  }
}
