import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Screenshots and traces the browser tests leave behind (git-ignored, kept by CI as evidence). */
const ARTIFACTS_DIR = resolve(__dirname, '../artifacts');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (`apt-get install chromium`); playwright never downloads a browser here. */
function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)');
  return found;
}

/**
 * Launches headless Debian Chromium through playwright-core. Fake media devices give every page a
 * microphone (a beeping tone) and camera without prompts, so WebRTC runs for real (DTLS, SRTP, ICE).
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    ...options,
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-dev-shm-usage',
      ...(options.args ?? []),
    ],
  });
}

/**
 * Where a documentation screenshot goes: docs/screenshots when asked for (`UPDATE_SCREENSHOTS=1`, then
 * commit them), otherwise the artifacts folder — so a test run leaves the committed images alone.
 */
export function screenshotPath(name: string): string {
  if (process.env['UPDATE_SCREENSHOTS'] !== '1') return artifactPath(name);
  const dir = resolve(__dirname, '../../docs/screenshots');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, name);
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return resolve(ARTIFACTS_DIR, name);
}
