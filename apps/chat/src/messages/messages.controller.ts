import { Caller, type CallerIdentity, ZodValidationPipe, Endpoint } from '@bonfire/platform';
import { type Message } from '@bonfire/contracts';
import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { MessageSendService } from './message-send.service';
import { MessagesService, messageIdPipe } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth('accessToken')
@Controller('api/v1/channels/:channelId/messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly sending: MessageSendService,
  ) {}

  @Endpoint({
    method: 'POST',
    summary:
      'Send a message (SEND_MESSAGES). Mentions are parsed from the content and honoured per permission. ' +
      'A retry with the same nonce returns the first message with 200 instead of 201.',
    body: sendMessageSchema,
    response: messageSchema,
    status: 201,
    alsoAnswers: [
      { status: 200, description: 'The message sent earlier with this nonce', response: messageSchema },
    ],
    errors: {
      400: 'VALIDATION_FAILED (content, replyTo, nonce), INVALID_ATTACHMENT (attachments), INVALID_CHANNEL_TYPE',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL',
      409: "CONFLICT (the sender's permissions in the channel changed during each of several tries; send again)",
      429: 'SLOWMODE or RATE_LIMITED (Retry-After header)',
    },
  })
  async send(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Body(new ZodValidationPipe(sendMessageSchema)) body: SendMessageDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Message> {
    const result = await this.sending.send(caller.userId, channelId, body);
    response.status(result.created ? 201 : 200);
    return result.message;
  }

  @Endpoint({
    method: 'GET',
    summary:
      'A page of history (READ_MESSAGE_HISTORY), always newest → oldest, whichever cursor is used. ' +
      '`after` returns the oldest messages after the cursor (still ordered newest first); `around` returns ' +
      'the cursor message with the messages on either side.',
    query: historyQuerySchema,
    response: messageListSchema,
    errors: {
      400: 'VALIDATION_FAILED (limit, or a cursor from another channel)',
      403: 'MISSING_PERMISSION',
      404: 'UNKNOWN_CHANNEL',
    },
  })
  history(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Query(new ZodValidationPipe(historyQuerySchema)) query: HistoryQuery,
  ): Promise<Message[]> {
    return this.messages.history(caller.userId, channelId, query);
  }

  @Endpoint({
    method: 'GET',
    path: ':messageId',
    summary: 'One message (READ_MESSAGE_HISTORY).',
    response: messageSchema,
    errors: { 403: 'MISSING_PERMISSION (READ_MESSAGE_HISTORY)', 404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE' },
  })
  get(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<Message> {
    return this.messages.get(caller.userId, channelId, messageId);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':messageId',
    summary:
      'Edit a message: its content (the author only; sets editedAt) and/or flags SUPPRESS_EMBEDS (4: removes ' +
      'the link embeds; the author, or MANAGE_MESSAGES). Bumps the revision.',
    body: editMessageSchema,
    response: messageSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      403: 'NOT_MESSAGE_AUTHOR (content), MISSING_PERMISSION (MANAGE_MESSAGES, flags of another)',
      404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE',
    },
  })
  edit(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
    @Body(new ZodValidationPipe(editMessageSchema)) body: EditMessageDto,
  ): Promise<Message> {
    return this.messages.edit(caller.userId, channelId, messageId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':messageId',
    summary: 'Delete a message: its author, or anyone with MANAGE_MESSAGES in the channel.',
    errors: { 403: 'MISSING_PERMISSION (MANAGE_MESSAGES)', 404: 'UNKNOWN_CHANNEL or UNKNOWN_MESSAGE' },
  })
  delete(
    @Caller() caller: CallerIdentity,
    @Param('channelId', channelIdPipe()) channelId: string,
    @Param('messageId', messageIdPipe()) messageId: string,
  ): Promise<void> {
    return this.messages.delete(caller.userId, channelId, messageId);
  }
}
