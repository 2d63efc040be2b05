import type {
  VoicePeer,
  VoiceProducerInfo,
  VoiceServerEvents,
  VoiceState,
  VoiceWelcome,
} from '@bonfire/contracts';
import type { VoiceSignaling } from './ports';

/** What the client does with each event the voice node sends during a session. */
interface VoiceNodeEventHandlers {
  /** A later `welcome` (the first is awaited by connect()): a replacement worker, media is set up again. */
  rewelcomed(welcome: VoiceWelcome): void;
  producerAdded(info: VoiceProducerInfo): void;
  producerClosed(producerId: string): void;
  consumerClosed(consumerId: string): void;
  peerJoined(peer: VoicePeer): void;
  peerLeft(userId: string): void;
  peerUpdated(userId: string, state: VoiceState): void;
  speaking(event: { userId: string; speaking: boolean }): void;
  closed(event: VoiceServerEvents['closed']): void;
  /** The signaling connection dropped, not by our own disconnect. */
  lost(reason: string): void;
}

/** Subscribes `handlers` to a session's signaling; events arriving once `isLive()` is false are dropped. */
export function listenToVoiceNode(
  signaling: VoiceSignaling,
  isLive: () => boolean,
  handlers: VoiceNodeEventHandlers,
): void {
  const live =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      if (isLive()) handler(...args);
    };
  let welcomed = false;
  signaling.on(
    'welcome',
    live((welcome: VoiceWelcome) => {
      if (!welcomed) {
        welcomed = true;
        return;
      }
      handlers.rewelcomed(welcome);
    }),
  );
  signaling.on(
    'producer.added',
    live((info: VoiceProducerInfo) => handlers.producerAdded(info)),
  );
  signaling.on(
    'producer.closed',
    live(({ producerId }: { producerId: string }) => handlers.producerClosed(producerId)),
  );
  signaling.on(
    'consumer.closed',
    live(({ consumerId }: { consumerId: string }) => handlers.consumerClosed(consumerId)),
  );
  signaling.on(
    'peer.joined',
    live((peer: VoicePeer) => handlers.peerJoined(peer)),
  );
  signaling.on(
    'peer.left',
    live(({ userId }: { userId: string }) => handlers.peerLeft(userId)),
  );
  signaling.on(
    'peer.updated',
    live(({ userId, state }: { userId: string; state: VoiceState }) => handlers.peerUpdated(userId, state)),
  );
  signaling.on(
    'speaking',
    live((event: { userId: string; speaking: boolean }) => handlers.speaking(event)),
  );
  signaling.on(
    'closed',
    live((event: VoiceServerEvents['closed']) => handlers.closed(event)),
  );
  signaling.on(
    'disconnect',
    live((reason: string) => {
      if (reason === 'io client disconnect') return;
      handlers.lost(reason);
    }),
  );
}
