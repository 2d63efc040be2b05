/**
 * Issue 9: join-to-first-packet time, and how many consumers one mediasoup worker carries before its CPU
 * saturates (synthetic peers).
 *
 *   join      auth, chat, voice and a gateway from their build output (e2e/support/stack.ts) and Debian
 *             Chromium (playwright-core, a fake microphone playing a tone). Alice sits in a voice channel
 *             talking; Bob's page (the e2e voice harness: mediasoup-client + socket.io-client) joins
 *             `--join-runs` times: from Bob's POST /api/v1/channels/{id}/voice through the gateway —
 *             voice token, signaling, device load, transports (ICE, DTLS), produce, consume, resume — to
 *             the first audio bytes from Alice in Bob's inbound-rtp stats (polled every 10 ms). Then Bob
 *             leaves and the next run starts on a fresh page.
 *   capacity  one worker, one router (Opus, as apps/voice configures rooms). `--speakers` producers each get
 *             RTP from a synthetic peer: a UDP socket sending one 20 ms Opus-sized packet every 20 ms
 *             (50 packets/s, ~32 kbit/s) into a PlainTransport. Listening peers are added in steps
 *             (`--step` peers every `--step-seconds`); each consumes every speaker through its own
 *             PlainTransport, SRTP-encrypted like a WebRTC peer's, whose packets go to a counting UDP
 *             sink. Per step: consumers, the worker's CPU (% of one core; a worker is one thread),
 *             packets forwarded per second, the share of the packets sent that reached every listener,
 *             worker RSS. Saturated = worker CPU ≥ 90 % or
 *             delivery < 97 % (on 2 cores the receiving sinks in this process may give out first: the
 *             bench prints the machine's CPU too).
 * The worker is the one `npm ci` installs (node_modules/mediasoup/worker/out/Release/mediasoup-worker).
 * Synthetic peers skip ICE and DTLS (PlainTransport with SRTP keys given directly); the per-packet work — RTP
 * forwarding and SRTP encryption per consumer — is what WebRTC peers cost the worker. The load
 * generator (senders and sinks) runs in this process on the same 2 cores.
 * Run: node tools/bench/run.mjs voice [--join-runs 10] [--speakers 10] [--step 20] [--step-seconds 5]
 *      [--max-consumers 3000]   (--join-runs 0 skips the browser phase)
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/voice
 */
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { parseArgs } from 'node:util';
import * as mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import type { VoiceJoinResponse } from '@bonfire/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../e2e/support/browser';
import { Stack } from '../../e2e/support/stack';
import { serveHarness, toneWav } from '../../e2e/voice/harness/serve-harness';
import type { VoiceHarness } from '../../e2e/voice/harness/voice-harness';
import { person, type Person, voiceGuild } from '../../e2e/voice/voice-fixture';
import {
  type BenchContext,
  LatencyRecorder,
  readCpuSeconds,
  readMachineCpuSeconds,
  readRssKiB,
  runBench,
  table,
} from './lib';

const { values: args } = parseArgs({
  options: {
    speakers: { type: 'string', default: '10' },
    step: { type: 'string', default: '20' },
    'step-seconds': { type: 'string', default: '5' },
    'max-consumers': { type: 'string', default: '3000' },
    'join-runs': { type: 'string', default: '10' },
  },
});
const joinRuns = Number(args['join-runs']);
const speakers = Number(args.speakers);
const peersPerStep = Number(args.step);
const stepSeconds = Number(args['step-seconds']);
const maxConsumers = Number(args['max-consumers']);

const OPUS_PAYLOAD_TYPE = 100;
const PACKET_INTERVAL_MS = 20;
/** 20 ms of Opus at ~32 kbit/s. */
const OPUS_FRAME_BYTES = 80;
const LOOPBACK = '127.0.0.1';
const SRTP_SUITE = 'AES_CM_128_HMAC_SHA1_80';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function rtpPacket(sequence: number, timestamp: number, ssrc: number): Buffer {
  const packet = Buffer.alloc(12 + OPUS_FRAME_BYTES);
  packet[0] = 0x80; // version 2
  packet[1] = OPUS_PAYLOAD_TYPE;
  packet.writeUInt16BE(sequence & 0xffff, 2);
  packet.writeUInt32BE(timestamp >>> 0, 4);
  packet.writeUInt32BE(ssrc >>> 0, 8);
  return packet;
}

interface Speaker {
  producer: ms.Producer;
  /** Sends this speaker's RTP to `port`, the PlainTransport's local port. */
  socket: Socket;
  port: number;
  ssrc: number;
}

async function addSpeaker(router: ms.Router, index: number): Promise<Speaker> {
  const transport = await router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: LOOPBACK },
    rtcpMux: true,
    comedia: true,
  });
  const ssrc = 1000 + index;
  const producer = await transport.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc }],
    },
  });
  const socket = createSocket('udp4');
  await new Promise<void>((bound) => socket.bind(0, LOOPBACK, bound));
  return { producer, socket, port: transport.tuple.localPort, ssrc };
}

type HarnessWindow = { voiceHarness: VoiceHarness };

async function openHarness(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'voiceHarness' in window);
  return page;
}

async function joinVoice(page: Page, who: Person, channelId: string): Promise<void> {
  const joined = await who.api.post<VoiceJoinResponse>(`/api/v1/channels/${channelId}/voice`, {});
  if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  await page.evaluate(
    ([endpoint, token]) => (window as unknown as HarnessWindow).voiceHarness.start(endpoint!, token!),
    [joined.body.endpoint, joined.body.token],
  );
}

async function measureJoins(bench: BenchContext): Promise<void> {
  const [stack, harness, browser] = await Promise.all([
    Stack.start({ services: ['auth', 'chat', 'voice', 'gateway'] }),
    serveHarness(),
    launchChromium({
      args: ['--allow-loopback-in-peer-connection', `--use-file-for-fake-audio-capture=${toneWav()}`],
    }),
  ]);
  bench.onCleanup(() => stack.stop());
  bench.onCleanup(() => harness.server.close());
  bench.onCleanup(() => browser.close());
  const [alice, bob] = [await person(stack), await person(stack)];
  const { channelId } = await voiceGuild(alice, [bob]);
  await joinVoice(await openHarness(browser, harness.url), alice, channelId);

  const recorder = new LatencyRecorder();
  for (let run = 0; run < joinRuns && !bench.signal.aborted; run++) {
    const page = await openHarness(browser, harness.url);
    const startedAt = performance.now();
    await joinVoice(page, bob, channelId);
    await page.waitForFunction(
      async () => (await (window as unknown as HarnessWindow).voiceHarness.bytesReceived()) > 0,
      undefined,
      { polling: 10, timeout: 20_000 },
    );
    recorder.record(performance.now() - startedAt);
    await page.evaluate(() => (window as unknown as HarnessWindow).voiceHarness.leave());
    await bob.api.delete('/api/v1/users/@me/voice-state');
    await page.close();
  }
  const summary = recorder.summary();
  bench.section(
    `join: POST …/voice through the gateway → first audio bytes received (${summary.count} joins)`,
    table(
      ['joins', 'p50 ms', 'p95 ms', 'max ms', 'min ms'],
      [
        [
          String(summary.count),
          ...[summary.p50, summary.p95, summary.max, summary.min].map((ms) => ms.toFixed(0)),
        ],
      ],
    ),
    'join',
    summary,
  );
}

async function main(): Promise<void> {
  await runBench(
    'voice',
    { deadlineSeconds: 1200, description: 'join-to-first-packet; consumers per mediasoup worker' },
    async (bench) => {
      if (joinRuns > 0) await measureJoins(bench);
      const worker = await mediasoup.createWorker({
        logLevel: 'error',
        rtcMinPort: 40000,
        rtcMaxPort: 49999,
      });
      bench.onCleanup(() => worker.close());
      const router = await worker.createRouter({
        mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }],
      });

      const speakerList: Speaker[] = [];
      for (let index = 0; index < speakers; index++) speakerList.push(await addSpeaker(router, index));
      // senders: every 20 ms one packet per speaker, to its PlainTransport (comedia learns our address)
      let sequence = 0;
      const sender = setInterval(() => {
        sequence++;
        for (const { socket, port, ssrc } of speakerList) {
          socket.send(rtpPacket(sequence, sequence * 960, ssrc), port, LOOPBACK);
        }
      }, PACKET_INTERVAL_MS);
      bench.onCleanup(() => clearInterval(sender));

      let received = 0;
      const sinks: Socket[] = [];
      bench.onCleanup(() => sinks.forEach((sink) => sink.close()));
      speakerList.forEach(({ socket }) => bench.onCleanup(() => socket.close()));

      const rows: string[][] = [];
      const steps: object[] = [];
      let consumers = 0;
      let saturatedAt: number | undefined;
      while (consumers + speakers <= maxConsumers && !bench.signal.aborted) {
        for (let peer = 0; peer < peersPerStep; peer++) {
          // SRTP toward the listener, as a WebRTC peer gets it: encryption per consumer is real worker work
          const transport = await router.createPlainTransport({
            listenInfo: { protocol: 'udp', ip: LOOPBACK },
            rtcpMux: true,
            comedia: false,
            enableSrtp: true,
            srtpCryptoSuite: SRTP_SUITE,
          });
          const sink = createSocket('udp4');
          sink.on('message', () => received++);
          await new Promise<void>((bound) => sink.bind(0, LOOPBACK, bound));
          sinks.push(sink);
          await transport.connect({
            ip: LOOPBACK,
            port: sink.address().port,
            srtpParameters: { cryptoSuite: SRTP_SUITE, keyBase64: randomBytes(30).toString('base64') },
          });
          for (const { producer } of speakerList) {
            await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
            consumers++;
          }
        }
        await sleep(1000); // let the new consumers settle before measuring
        const cpuBefore = readCpuSeconds(worker.pid);
        const benchCpuBefore = process.cpuUsage();
        const machineBefore = readMachineCpuSeconds();
        const receivedBefore = received;
        const roundsBefore = sequence;
        const startedAt = performance.now();
        await sleep(stepSeconds * 1000);
        const elapsed = (performance.now() - startedAt) / 1000;
        const cpuPercent = ((readCpuSeconds(worker.pid) - cpuBefore) / elapsed) * 100;
        const benchCpu = process.cpuUsage(benchCpuBefore);
        const loadGeneratorPercent = ((benchCpu.user + benchCpu.system) / 1e6 / elapsed) * 100;
        const machinePercent = ((readMachineCpuSeconds().busy - machineBefore.busy) / elapsed) * 100;
        const forwardedPerSecond = (received - receivedBefore) / elapsed;
        // what was actually sent (timers slip on a busy box), each speaker packet once per listener
        const delivered = (received - receivedBefore) / ((sequence - roundsBefore) * consumers);
        const rssMiB = readRssKiB(worker.pid) / 1024;
        rows.push([
          String(consumers),
          cpuPercent.toFixed(1),
          Math.round(forwardedPerSecond).toLocaleString('en'),
          `${(delivered * 100).toFixed(1)} %`,
          rssMiB.toFixed(1),
          loadGeneratorPercent.toFixed(1),
          machinePercent.toFixed(1),
        ]);
        steps.push({
          consumers,
          cpuPercent,
          forwardedPerSecond,
          delivered,
          rssMiB,
          loadGeneratorPercent,
          machinePercent,
        });
        bench.log(
          `   ${consumers} consumers: worker ${cpuPercent.toFixed(1)} % CPU, ${Math.round(forwardedPerSecond)} pkt/s, ` +
            `${(delivered * 100).toFixed(1)} % delivered, RSS ${rssMiB.toFixed(1)} MiB`,
        );
        if (cpuPercent >= 90 || delivered < 0.97) {
          saturatedAt = consumers;
          break;
        }
      }
      bench.section(
        `capacity: ${speakers} speakers (50 packets/s each), listeners added ${peersPerStep} at a time`,
        table(
          [
            'consumers',
            'worker CPU %',
            'forwarded pkt/s',
            'delivered',
            'worker RSS MiB',
            'load generator CPU %',
            'machine CPU % (of 200)',
          ],
          rows,
        ),
        'capacity',
        { speakers, peersPerStep, stepSeconds, saturatedAt, steps },
      );
      bench.log(
        saturatedAt
          ? `saturated at ${saturatedAt} consumers`
          : `not saturated up to ${consumers} consumers (raise --max-consumers)`,
      );
    },
  );
}

void main();
