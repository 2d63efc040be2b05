/** Loaded on the first voice join (a separate chunk): mediasoup-client stays out of the main bundle. */
export { createVoiceClient } from '@bonfire/sdk/voice';
