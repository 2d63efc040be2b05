/**
 * Issue 7: upload + complete throughput for 1 MB files, and the time thumbnails take.
 *
 * One cycle = POST /api/v1/channels/{id}/attachments (gateway → file → chat access check → Postgres →
 * presign) → PUT the bytes to the presigned URL (S3 = versitygw on loopback) → POST
 * /api/v1/attachments/{id}/complete (file: size check, type sniff, for images read the object back and
 * render two webp thumbnails with sharp and store them, then mark ready). Closed loop at each concurrency
 * (default 1, 4, 16), for three kinds of 1 MB-ish payload:
 *   random  1 MiB of random bytes as application/octet-stream (no thumbnails)
 *   png     a PNG made with sharp (blurred noise, sized to ≈1 MB)
 *   jpeg    a JPEG made with sharp (blurred noise, sized to ≈1 MB, more pixels than the PNG)
 * Figures: cycles/s and MB/s, each step's and the whole cycle's p50/p95/p99; the thumbnail cost is read
 * as the complete call of an image minus that of random bytes at the same concurrency. RSS/CPU of the
 * file service (and gateway, chat, Postgres, versitygw).
 *
 * Then a multipart case: `--multipart-uploads` (default 4) uploads of `--multipart-mib` (default 64) MiB
 * random bytes, one after the other: request (S3 CreateMultipartUpload + one presigned URL per 8 MiB part)
 * → PUT the parts, `--part-concurrency` (default 4) at a time → complete with the ETags (S3
 * CompleteMultipartUpload, then the same size check and sniff). `--multipart-uploads 0` skips it;
 * `--kinds ''` runs only it.
 *
 * Auth, chat, file and the gateway from their build output (e2e/support/stack.ts); rate limits raised out
 * of the way. Every object the run stored is deleted from the bucket at the end (original + thumbnails).
 * Run: node tools/bench/run.mjs file [--concurrency 1,4,16] [--seconds 8] [--warmup 2] [--kinds random,png,jpeg]
 *      [--multipart-uploads 4] [--multipart-mib 64] [--part-concurrency 4]
 * @bench-builds @bonfire/gateway @bonfire/auth @bonfire/chat @bonfire/file
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
} from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { Api, registerUser } from '../../e2e/support/api';
import { TestBucket } from '@bonfire/platform/testing/s3';
import { Stack } from '../../e2e/support/stack';
import {
  assertLoopback,
  benchRoutesFile,
  findListeningPid,
  LatencyRecorder,
  type LatencySummary,
  pidOfServer,
  ProcessSampler,
  type ProcessStats,
  runBench,
  table,
  UNLIMITED,
  type WatchedProcess,
} from './lib';

const { values: args } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '1,4,16' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    kinds: { type: 'string', default: 'random,png,jpeg' },
    'multipart-uploads': { type: 'string', default: '4' },
    'multipart-mib': { type: 'string', default: '64' },
    'part-concurrency': { type: 'string', default: '4' },
  },
});
const concurrencies = args.concurrency.split(',').filter(Boolean).map(Number);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const kinds = args.kinds.split(',').filter(Boolean) as Kind[];
const multipartUploads = Number(args['multipart-uploads']);
const multipartBytes = Number(args['multipart-mib']) * 1024 * 1024;
const partConcurrency = Number(args['part-concurrency']);

type Kind = 'random' | 'png' | 'jpeg';
const MB = 1_000_000;
const TARGET_BYTES = 1024 * 1024;
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const now = () => performance.now();

interface Payload {
  kind: Kind;
  bytes: Buffer;
  contentType: string;
  filename: string;
  pixels?: string;
}

/** An image of blurred noise whose encoded size is ≈ 1 MiB (a few rescaling rounds). */
async function image(format: 'png' | 'jpeg'): Promise<Payload> {
  let width = format === 'png' ? 900 : 1600;
  let bytes = Buffer.alloc(0);
  let height = 0;
  for (let round = 0; round < 4; round++) {
    height = Math.round((width * 3) / 4);
    const noise = sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    });
    const blurred = await sharp(await noise.png({ compressionLevel: 0 }).toBuffer())
      .blur(format === 'png' ? 0.6 : 1.2)
      .toBuffer();
    bytes =
      format === 'png'
        ? await sharp(blurred).png({ compressionLevel: 6 }).toBuffer()
        : await sharp(blurred).jpeg({ quality: 90 }).toBuffer();
    const ratio = TARGET_BYTES / bytes.length;
    if (Math.abs(ratio - 1) < 0.05) break;
    width = Math.round(width * Math.sqrt(ratio));
  }
  return {
    kind: format,
    bytes,
    contentType: `image/${format}`,
    filename: `bench.${format === 'png' ? 'png' : 'jpg'}`,
    pixels: `${width}×${height}`,
  };
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function send(
  agent: Agent,
  target: string,
  method: string,
  headers: Record<string, string | number>,
  body?: Buffer | string,
): Promise<Reply> {
  const url = assertLoopback(target);
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, 'content-length': body === undefined ? 0 : Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('ETIMEDOUT')));
    req.on('error', reject);
    req.end(body);
  });
}

interface ScenarioFigures {
  name: string;
  kind: Kind;
  concurrency: number;
  payloadBytes: number;
  cycles: number;
  elapsedSeconds: number;
  cyclesPerSecond: number;
  mbPerSecond: number;
  errors: Record<string, number>;
  thumbnails: number;
  request: LatencySummary;
  put: LatencySummary;
  complete: LatencySummary;
  cycle: LatencySummary;
  processes: ProcessStats[];
  machineCpuPercent: number;
}

void runBench(
  'file',
  {
    deadlineSeconds:
      150 + kinds.length * concurrencies.length * (warmup + seconds + 10) + multipartUploads * 60,
    description: 'upload (request → PUT to S3 → complete) throughput for 1 MB files; thumbnail time',
  },
  async (bench) => {
    const directory = mkdtempSync(join(tmpdir(), 'bonfire-bench-'));
    bench.onCleanup(() => rmSync(directory, { recursive: true, force: true }));

    // ---- every stored object is deleted at the end (the databases are dropped by the Stack)
    const fileIds: string[] = [];
    const s3 = new TestBucket().client;
    assertLoopback(process.env['S3_ENDPOINT'] ?? '');
    bench.onCleanup(async () => {
      const bucket = process.env['S3_BUCKET'];
      const keys = fileIds.flatMap((id) => [
        `files/${id}/original`,
        `files/${id}/small.webp`,
        `files/${id}/large.webp`,
      ]);
      const started = now();
      // multipart uploads a failed cycle left open
      const ours = new Set(fileIds.map((id) => `files/${id}/original`));
      const open = await s3
        .send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'files/' }))
        .catch(() => ({ Uploads: [] }));
      for (const upload of open.Uploads ?? []) {
        if (!upload.Key || !ours.has(upload.Key)) continue;
        await s3
          .send(
            new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
          )
          .catch(() => undefined);
      }
      let deleted = 0;
      for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        try {
          await s3.send(
            new DeleteObjectsCommand({
              Bucket: bucket,
              Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
            }),
          );
        } catch {
          // one at a time if the store does not take multi-object deletes
          for (let index = 0; index < batch.length; index += 16) {
            await Promise.all(
              batch
                .slice(index, index + 16)
                .map((Key) =>
                  s3.send(new DeleteObjectCommand({ Bucket: bucket, Key })).catch(() => undefined),
                ),
            );
          }
        }
        deleted += batch.length;
      }
      s3.destroy();
      console.log(
        `cleanup: deleted ${deleted} object keys of ${fileIds.length} uploads in ${fixed((now() - started) / 1000, 1)} s`,
      );
    });

    bench.log('making payloads…');
    const payloads: Payload[] = [];
    for (const kind of kinds) {
      if (kind === 'random')
        payloads.push({
          kind,
          bytes: randomBytes(TARGET_BYTES),
          contentType: 'application/octet-stream',
          filename: 'bench.bin',
        });
      else payloads.push(await image(kind));
    }
    bench.section(
      '== payloads',
      table(
        ['kind', 'content type', 'bytes', 'pixels'],
        payloads.map((payload) => [
          payload.kind,
          payload.contentType,
          String(payload.bytes.length),
          payload.pixels ?? '-',
        ]),
      ),
      'payloads',
      payloads.map(({ kind, contentType, bytes, pixels }) => ({
        kind,
        contentType,
        bytes: bytes.length,
        pixels,
      })),
    );

    bench.log('starting auth + chat + file + gateway from apps/*/dist…');
    const stack = await Stack.start({
      services: ['auth', 'chat', 'file', 'gateway'],
      env: {
        RATE_LIMIT_KEY_PREFIX: `bench-${Date.now()}`,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_USER_PER_MINUTE: UNLIMITED,
      },
      serviceEnv: {
        gateway: { GATEWAY_ROUTES_FILE: benchRoutesFile(directory, ['auth', 'chat', 'file']) },
        // room for the multipart case (the default limit is 25 MiB)
        file: { FILE_MAX_ATTACHMENT_BYTES: String(Math.max(25 * 1024 * 1024, multipartBytes)) },
      },
    });
    bench.onCleanup(() => stack.stop());
    const gatewayUrl = stack.gateway.url;
    const watch: WatchedProcess[] = [
      { name: 'file', pid: pidOfServer(stack.service('file').url) },
      { name: 'gateway', pid: pidOfServer(gatewayUrl) },
      { name: 'chat', pid: pidOfServer(stack.service('chat').url) },
    ];
    for (const [name, port, tree] of [
      ['postgres', process.env['POSTGRES_PORT'], true],
      ['s3', new URL(process.env['S3_ENDPOINT']!).port, true],
    ] as const) {
      const pid = port ? findListeningPid(Number(port)) : undefined;
      if (pid !== undefined) watch.push({ name, pid, tree });
    }
    bench.note(
      `services: LOG_LEVEL=${process.env['E2E_LOG_LEVEL'] ?? 'warn'}, gateway rate limits raised; S3 ${process.env['S3_ENDPOINT']} ` +
        `(versitygw on loopback), UV_THREADPOOL_SIZE=${process.env['UV_THREADPOOL_SIZE'] ?? 'default (4)'}`,
    );

    const api = new Api(gatewayUrl);
    const owner = await registerUser(api);
    const ownerApi = api.withToken(owner.accessToken);
    let guildId = '';
    for (const deadline = Date.now() + 60_000; ;) {
      const reply = await ownerApi.post<{ id: string }>('/api/v1/guilds', { name: 'bench files' });
      if (reply.status === 201) {
        guildId = reply.body.id;
        break;
      }
      if (Date.now() > deadline || bench.signal.aborted) throw new Error(`create guild: ${reply.status}`);
      await new Promise((wait) => setTimeout(wait, 200));
    }
    const channels = await ownerApi.get<{ id: string; type: string }[]>(`/api/v1/guilds/${guildId}/channels`);
    const channelId = channels.body.find((channel) => channel.type === 'text')!.id;
    const authorization = `Bearer ${owner.accessToken}`;

    const gatewayAgent = new Agent({ keepAlive: true, maxSockets: 64 });
    const s3Agent = new Agent({ keepAlive: true, maxSockets: 64 });
    bench.onCleanup(() => {
      gatewayAgent.destroy();
      s3Agent.destroy();
    });

    /** One request → PUT → complete; returns the step times (ms), or throws with what failed. */
    const cycle = async (payload: Payload) => {
      const started = now();
      const requested = await send(
        gatewayAgent,
        `${gatewayUrl}/api/v1/channels/${channelId}/attachments`,
        'POST',
        { authorization, 'content-type': 'application/json' },
        JSON.stringify({
          filename: payload.filename,
          contentType: payload.contentType,
          size: payload.bytes.length,
        }),
      );
      if (requested.status !== 201) throw new Error(`request ${requested.status}`);
      const ticket = JSON.parse(requested.body.toString()) as {
        id: string;
        uploadUrl: string;
        headers: Record<string, string>;
      };
      fileIds.push(ticket.id);
      const requestedAt = now();
      const put = await send(s3Agent, ticket.uploadUrl, 'PUT', ticket.headers, payload.bytes);
      if (put.status !== 200) throw new Error(`put ${put.status}`);
      const putAt = now();
      const completed = await send(
        gatewayAgent,
        `${gatewayUrl}/api/v1/attachments/${ticket.id}/complete`,
        'POST',
        {
          authorization,
        },
      );
      if (completed.status !== 200) throw new Error(`complete ${completed.status}`);
      const done = now();
      const file = JSON.parse(completed.body.toString()) as { thumbnails?: boolean };
      return {
        request: requestedAt - started,
        put: putAt - requestedAt,
        complete: done - putAt,
        cycle: done - started,
        thumbnails: file.thumbnails === true,
      };
    };

    // sanity: one of each kind
    for (const payload of payloads) {
      const first = await cycle(payload);
      if (first.thumbnails !== (payload.kind !== 'random'))
        throw new Error(`${payload.kind}: thumbnails ${first.thumbnails}`);
    }

    const rows: ScenarioFigures[] = [];
    for (const payload of payloads) {
      for (const concurrency of concurrencies) {
        const name = `${payload.kind} ×${concurrency}`;
        bench.log(`-- ${name}: ${warmup} s warm-up + ${seconds} s measured`);
        const recorders = {
          request: new LatencyRecorder(),
          put: new LatencyRecorder(),
          complete: new LatencyRecorder(),
          cycle: new LatencyRecorder(),
        };
        const errors: Record<string, number> = {};
        let thumbnails = 0;
        let cycles = 0;
        const warmupEnd = now() + warmup * 1000;
        const measureEnd = warmupEnd + seconds * 1000;
        let lastEnd = warmupEnd;
        const sampler = new ProcessSampler(watch);
        let sampling = false;
        const samplerTimer = setTimeout(
          () => {
            sampler.start();
            sampling = true;
          },
          Math.max(0, warmupEnd - now()),
        );
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (now() < measureEnd && !bench.signal.aborted) {
              const started = now();
              try {
                const times = await cycle(payload);
                if (started < warmupEnd) continue;
                cycles++;
                lastEnd = Math.max(lastEnd, now());
                if (times.thumbnails) thumbnails++;
                recorders.request.record(times.request);
                recorders.put.record(times.put);
                recorders.complete.record(times.complete);
                recorders.cycle.record(times.cycle);
              } catch (error) {
                const key = error instanceof Error ? error.message : String(error);
                if (started >= warmupEnd) errors[key] = (errors[key] ?? 0) + 1;
              }
            }
          }),
        );
        clearTimeout(samplerTimer);
        const processes = sampling ? sampler.stop() : [];
        const elapsedSeconds = (lastEnd - warmupEnd) / 1000;
        const row: ScenarioFigures = {
          name,
          kind: payload.kind,
          concurrency,
          payloadBytes: payload.bytes.length,
          cycles,
          elapsedSeconds,
          cyclesPerSecond: cycles / elapsedSeconds,
          mbPerSecond: (cycles * payload.bytes.length) / MB / elapsedSeconds,
          errors,
          thumbnails,
          request: recorders.request.summary(),
          put: recorders.put.summary(),
          complete: recorders.complete.summary(),
          cycle: recorders.cycle.summary(),
          processes,
          machineCpuPercent: sampling ? sampler.machineCpuPercent : NaN,
        };
        rows.push(row);
        const file = processes.find((process) => process.name === 'file');
        bench.log(
          `   ${cycles} cycles, ${fixed(row.cyclesPerSecond, 1)}/s, ${fixed(row.mbPerSecond, 1)} MB/s; cycle p50/p95/p99 ` +
            `${fixed(row.cycle.p50, 1)}/${fixed(row.cycle.p95, 1)}/${fixed(row.cycle.p99, 1)} ms; complete p50/p95 ` +
            `${fixed(row.complete.p50, 1)}/${fixed(row.complete.p95, 1)} ms; file CPU ${fixed(file?.cpuPercent ?? NaN, 0)} %, ` +
            `RSS peak ${fixed(file?.rssPeakMiB ?? NaN, 0)} MiB; errors ${JSON.stringify(errors)}`,
        );
      }
    }

    // ---- multipart: a few large uploads, one after the other, parts in parallel
    const multipartRows: {
      upload: number;
      bytes: number;
      parts: number;
      request: number;
      put: number;
      complete: number;
      cycle: number;
      putMBps: number;
    }[] = [];
    const multipartErrors: Record<string, number> = {};
    if (multipartUploads > 0) {
      const large = randomBytes(multipartBytes);
      bench.log(
        `-- multipart: ${multipartUploads} × ${multipartBytes / 2 ** 20} MiB, ${partConcurrency} parts at a time`,
      );
      for (let upload = 1; upload <= multipartUploads && !bench.signal.aborted; upload++) {
        try {
          const started = now();
          const requested = await send(
            gatewayAgent,
            `${gatewayUrl}/api/v1/channels/${channelId}/attachments`,
            'POST',
            { authorization, 'content-type': 'application/json' },
            JSON.stringify({
              filename: 'bench-large.bin',
              contentType: 'application/octet-stream',
              size: large.length,
            }),
          );
          if (requested.status !== 201) throw new Error(`request ${requested.status}`);
          const ticket = JSON.parse(requested.body.toString()) as {
            id: string;
            method: string;
            headers: Record<string, string>;
            multipart?: { partSize: number; parts: { partNumber: number; url: string; size: number }[] };
          };
          fileIds.push(ticket.id);
          if (ticket.method !== 'multipart' || !ticket.multipart) {
            throw new Error(`expected a multipart ticket, got ${ticket.method}`);
          }
          const { partSize, parts } = ticket.multipart;
          const requestedAt = now();
          const etags: { partNumber: number; etag: string }[] = [];
          let next = 0;
          await Promise.all(
            Array.from({ length: Math.min(partConcurrency, parts.length) }, async () => {
              while (next < parts.length) {
                const part = parts[next++]!;
                const start = (part.partNumber - 1) * partSize;
                const put = await send(
                  s3Agent,
                  part.url,
                  'PUT',
                  ticket.headers,
                  large.subarray(start, start + part.size),
                );
                if (put.status !== 200) throw new Error(`part ${put.status}`);
                etags.push({ partNumber: part.partNumber, etag: String(put.headers.etag) });
              }
            }),
          );
          const putAt = now();
          const completed = await send(
            gatewayAgent,
            `${gatewayUrl}/api/v1/attachments/${ticket.id}/complete`,
            'POST',
            { authorization, 'content-type': 'application/json' },
            JSON.stringify({ parts: etags }),
          );
          if (completed.status !== 200) throw new Error(`complete ${completed.status} ${completed.body}`);
          const done = now();
          multipartRows.push({
            upload,
            bytes: large.length,
            parts: parts.length,
            request: requestedAt - started,
            put: putAt - requestedAt,
            complete: done - putAt,
            cycle: done - started,
            putMBps: large.length / MB / ((putAt - requestedAt) / 1000),
          });
        } catch (error) {
          const key = error instanceof Error ? error.message : String(error);
          multipartErrors[key] = (multipartErrors[key] ?? 0) + 1;
        }
      }
      const mean = (pick: (row: (typeof multipartRows)[number]) => number) =>
        multipartRows.reduce((sum, row) => sum + pick(row), 0) / multipartRows.length;
      bench.section(
        `== file: multipart uploads of ${multipartBytes / 2 ** 20} MiB (${partConcurrency} parts at a time), ms`,
        table(
          ['upload', 'parts', 'request', 'PUT parts', 'PUT MB/s', 'complete', 'cycle', 'cycle MB/s'],
          [
            ...multipartRows.map((row) => [
              String(row.upload),
              String(row.parts),
              fixed(row.request, 1),
              fixed(row.put, 1),
              fixed(row.putMBps, 1),
              fixed(row.complete, 1),
              fixed(row.cycle, 1),
              fixed(row.bytes / MB / (row.cycle / 1000), 1),
            ]),
            [
              'mean',
              '',
              fixed(
                mean((row) => row.request),
                1,
              ),
              fixed(
                mean((row) => row.put),
                1,
              ),
              fixed(
                mean((row) => row.putMBps),
                1,
              ),
              fixed(
                mean((row) => row.complete),
                1,
              ),
              fixed(
                mean((row) => row.cycle),
                1,
              ),
              fixed(
                mean((row) => row.bytes / MB / (row.cycle / 1000)),
                1,
              ),
            ],
          ],
        ),
        'multipart',
        { uploads: multipartRows, errors: multipartErrors, partConcurrency },
      );
      if (Object.keys(multipartErrors).length > 0)
        bench.log(`multipart errors: ${JSON.stringify(multipartErrors)}`);
    }

    const ms = (summary: LatencySummary) =>
      `${fixed(summary.p50, 1)} / ${fixed(summary.p95, 1)} / ${fixed(summary.p99, 1)}`;
    bench.section(
      '== file: upload cycles (request → PUT → complete), ms p50 / p95 / p99',
      table(
        ['scenario', 'conc', 'cycles', 'cycles/s', 'MB/s', 'cycle', 'request', 'PUT', 'complete', 'errors'],
        rows.map((row) => [
          row.name,
          String(row.concurrency),
          String(row.cycles),
          fixed(row.cyclesPerSecond, 1),
          fixed(row.mbPerSecond, 1),
          ms(row.cycle),
          ms(row.request),
          ms(row.put),
          ms(row.complete),
          Object.entries(row.errors)
            .map(([key, count]) => `${key}×${count}`)
            .join(' ') || '0',
        ]),
      ),
      'scenarios',
      rows,
    );
    const random = new Map(rows.filter((row) => row.kind === 'random').map((row) => [row.concurrency, row]));
    const images = rows.filter((row) => row.kind !== 'random' && random.has(row.concurrency));
    if (images.length > 0)
      bench.section(
        '== file: thumbnail time ≈ complete(image) − complete(random bytes), same concurrency (ms)',
        table(
          ['scenario', 'complete p50', 'p95', 'random p50', 'p95', 'Δp50', 'Δp95'],
          images.map((row) => {
            const base = random.get(row.concurrency)!;
            return [
              row.name,
              fixed(row.complete.p50, 1),
              fixed(row.complete.p95, 1),
              fixed(base.complete.p50, 1),
              fixed(base.complete.p95, 1),
              fixed(row.complete.p50 - base.complete.p50, 1),
              fixed(row.complete.p95 - base.complete.p95, 1),
            ];
          }),
        ),
      );
    const names = rows[0]?.processes.map((process) => process.name) ?? [];
    bench.section(
      '== file: processes during the measured phase (CPU % of one core; RSS mean/peak MiB)',
      table(
        ['scenario', ...names, 'machine CPU %'],
        rows.map((row) => [
          row.name,
          ...row.processes.map(
            (process) =>
              `${fixed(process.cpuPercent, 0)} % ${fixed(process.rssMeanMiB, 0)}/${fixed(process.rssPeakMiB, 0)}`,
          ),
          fixed(row.machineCpuPercent, 0),
        ]),
      ),
    );
  },
);
