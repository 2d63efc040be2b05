import type { VoiceServerEvents, VoiceState } from '@bonfire/contracts';

/** What the REST side tells the node holding a session (any node may answer REST; one hosts the room). */
export type VoiceControlMessage =
  | { type: 'state'; sessionId: string; state: VoiceState }
  | { type: 'end'; sessionId: string; closed: VoiceServerEvents['closed'] }
  /** The member's permissions in the channel now (decimal bitfield): lost SPEAK/STREAM close producers. */
  | { type: 'permissions'; sessionId: string; permissions: string };

export type VoiceControlHandler = (message: VoiceControlMessage) => void;

/**
 * The channel between voice nodes: a state change or session end is published once, every node's
 * handlers receive it (in publish order, as a copy), and the node holding the session's signaling
 * connection applies it (the others ignore it). Redis pub/sub in the distributed shape; in-process in the
 * standalone one (a single node).
 */
export abstract class VoiceControl {
  /** Registers a handler; a handler that throws is logged and does not stop the others. */
  abstract onMessage(handler: VoiceControlHandler): void;

  abstract publish(message: VoiceControlMessage): Promise<void>;
}
