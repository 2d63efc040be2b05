/** A voice signaling request was refused (VoiceErrorCode) or not answered. */
export class VoiceRequestError extends Error {
  override readonly name = 'VoiceRequestError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
