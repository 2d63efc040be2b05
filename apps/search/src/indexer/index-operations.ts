import type { AnyEvent } from '@bonfire/contracts';
import { toDocument, tombstone } from '../index/message-document';
import type { IndexOperation } from '../index/message-index';

/**
 * How a chat.messages event changes the index: created and updated put the message with its revision as
 * the version; deleted puts a tombstone with the event's revision (the message's revision + 1). Other
 * events change nothing (null). The index keeps the highest version in any arrival order (MessageIndex).
 */
export function indexOperation(event: AnyEvent, now = new Date()): IndexOperation | null {
  switch (event.type) {
    case 'message.created':
    case 'message.updated': {
      const { message } = event.data;
      return { id: message.id, version: message.revision, document: toDocument(message, now) };
    }
    case 'message.deleted':
      return { id: event.data.messageId, version: event.data.revision, document: tombstone(event.data, now) };
    default:
      return null;
  }
}
