import { ERROR, type VoiceStatus } from '@bonfire/contracts';
import { BonfireApiError, type BonfireClient } from '@bonfire/sdk';

/** Said when the server gives no reason of its own. */
export const VOICE_UNAVAILABLE_FALLBACK = 'Voice is not available on this server right now.';

/** Whether voice channels can be joined; `message` (the server's words) says why not. */
export interface VoiceAvailabilityState {
  available: boolean;
  message: string | null;
}

type Listener = () => void;

/**
 * Voice availability for the signed-in page, apart from the app store: `GET /voice/status` once after
 * login, and a join refused 503 VOICE_UNAVAILABLE marks voice unavailable the same way. Until the status
 * arrives, or when it cannot be fetched (an older server, the voice service down), voice counts as
 * available and joins behave as they always did.
 */
export class VoiceAvailability {
  private state: VoiceAvailabilityState = { available: true, message: null };
  private readonly listeners = new Set<Listener>();
  private inFlight: Promise<void> | null = null;

  constructor(private readonly api: Pick<BonfireClient['voice'], 'status'>) {}

  getState = (): VoiceAvailabilityState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: VoiceAvailabilityState): void {
    if (next.available === this.state.available && next.message === this.state.message) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** Asks the server (one request at a time); a failed request keeps what is known. */
  refresh(): Promise<void> {
    this.inFlight ??= this.api
      .status()
      .then(
        (status: VoiceStatus) =>
          this.set(
            status.available
              ? { available: true, message: null }
              : { available: false, message: status.message ?? VOICE_UNAVAILABLE_FALLBACK },
          ),
        () => undefined,
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /**
   * Before a join: why voice is unavailable, or null to go ahead. Waits for a status request in flight
   * (a click right after login), and asks again when voice was marked unavailable, so a server that got
   * its voice back (a voice node restarted) is joinable without reloading the page.
   */
  async blockedReason(): Promise<string | null> {
    if (this.inFlight) await this.inFlight;
    else if (!this.state.available) await this.refresh();
    return this.state.available ? null : (this.state.message ?? VOICE_UNAVAILABLE_FALLBACK);
  }

  /**
   * A join failed: when the server answered 503 VOICE_UNAVAILABLE, voice is marked unavailable with its
   * message, which is answered; any other failure answers null and changes nothing.
   */
  noteJoinFailure(error: unknown): string | null {
    if (
      !(error instanceof BonfireApiError) ||
      error.status !== 503 ||
      error.code !== ERROR.VOICE_UNAVAILABLE
    ) {
      return null;
    }
    const message = error.message || VOICE_UNAVAILABLE_FALLBACK;
    this.set({ available: false, message });
    return message;
  }
}
