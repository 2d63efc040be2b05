import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { artifactPath } from '../../support/browser';

/**
 * A continuous tone for Chromium's fake microphone (its default device beeps 20 ms every 500 ms, which
 * averages far below any speaking threshold): 2 s of 440 Hz at -12 dBFS, 48 kHz mono, looped by Chromium.
 */
export function toneWav(): string {
  const rate = 48_000;
  const samples = rate * 2;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 0.25 * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const path = artifactPath('voice-tone.wav');
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

/** Bundles voice-harness.ts (mediasoup-client + socket.io-client) and serves it on 127.0.0.1. */
export async function serveHarness(): Promise<{ server: Server; url: string }> {
  const bundle = await build({
    entryPoints: [resolve(__dirname, 'voice-harness.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    conditions: ['@bonfire/source'],
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const page =
    '<!doctype html><html><head><title>voice harness</title></head><body><h1>voice</h1>' +
    '<pre id="status">starting</pre><script src="/harness.js"></script></body></html>';
  const server = createServer((request, response) => {
    if (request.url === '/harness.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
