import { Device } from 'mediasoup-client';
import type { DeviceFactory, DeviceLike } from './ports';

export { defaultVoiceSignalingFactory } from './signaling';

/**
 * mediasoup-client's Device: the handler is detected from the browser; React Native (or tests) pass
 * `{ handlerFactory }` or `{ handlerName }`.
 */
export function createDeviceFactory(
  options: NonNullable<ConstructorParameters<typeof Device>[0]> = {},
): DeviceFactory {
  return async () => (await Device.factory(options)) as unknown as DeviceLike;
}
