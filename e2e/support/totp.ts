import { createHmac } from 'node:crypto';

/**
 * An authenticator app in a few lines (RFC 6238: HMAC-SHA-1, 6 digits, 30 s), so tests compute the codes
 * the server expects from the secret it showed at enrolment.
 */
export function totpCode(base32Secret: string, offsetSteps = 0, nowMs = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32Secret.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(nowMs / 30_000) + offsetSteps));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const STEP_MS = 30_000;

/**
 * The previous step's code, taken at least `marginMs` before the current step ends. A code of step −1 that
 * crosses a step boundary between here and the server is two steps old there, outside its ±1 window: a
 * test that needs the previous step (to keep the current one unused) must not start it at the edge.
 */
export async function previousStepCode(base32Secret: string, marginMs = 2_000): Promise<string> {
  const intoStep = Date.now() % STEP_MS;
  if (intoStep > STEP_MS - marginMs) {
    await new Promise((resolve) => setTimeout(resolve, STEP_MS - intoStep + 50));
  }
  return totpCode(base32Secret, -1);
}
