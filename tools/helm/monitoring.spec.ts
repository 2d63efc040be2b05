import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@bonfire/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboards, parseManifests, ruleFile } from './monitoring-objects.mjs';
import { baseName, metricNames, variableQueryMetricNames } from './promql';

/**
 * Every metric the chart's alert rules and Grafana dashboard read is one the services register: the names
 * come from the services themselves — every service booted (standalone shape, embedded parts) and its
 * /metrics scraped, as Prometheus would — and from the chart as `helm template` renders it.
 */

const root = resolve(__dirname, '../..');
const cache = (process.env['BONFIRE_CACHE_DIR'] ?? join(homedir(), '.cache/bonfire')).replace(
  /^~/,
  homedir(),
);
const helm = process.env['BONFIRE_HELM'] ?? join(cache, 'bin/helm');

/** Boot order of the standalone shape (tools/standalone/standalone.mjs): the gateway last. */
const SERVICES = [
  ['auth', 'startAuth'],
  ['chat', 'startChat'],
  ['presence', 'startPresence'],
  ['file', 'startFile'],
  ['search', 'startSearch'],
  ['voice', 'startVoice'],
  ['gateway', 'startGateway'],
] as const;

interface Running {
  url: string;
  internalUrl?: string;
  stop(): Promise<void>;
}

interface Scrape {
  /** name → type, from `# TYPE` lines (a metric with no sample yet is listed too). */
  types: Map<string, string>;
  samples: string[];
}

function parseExposition(text: string): Scrape {
  const types = new Map<string, string>();
  const samples: string[] = [];
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    else if (line && !line.startsWith('#')) samples.push(line);
  }
  return { types, samples };
}

interface Dashboard {
  panels?: Panel[];
  templating?: { list?: { type: string; name: string; query?: string | { query?: string } }[] };
}
interface Panel {
  title?: string;
  panels?: Panel[];
  targets?: { expr?: string }[];
}

function dashboardQueries(dashboard: Dashboard): { where: string; names: string[] }[] {
  const queries: { where: string; names: string[] }[] = [];
  const walk = (panels: Panel[] = []) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        if (target.expr) queries.push({ where: `panel "${panel.title}"`, names: metricNames(target.expr) });
      }
      walk(panel.panels);
    }
  };
  walk(dashboard.panels);
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const query = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
    queries.push({ where: `variable $${variable.name}`, names: variableQueryMetricNames(query) });
  }
  return queries;
}

describe('metricNames (PromQL)', () => {
  it('finds the metrics, not functions, labels, ranges, keywords or Grafana variables', () => {
    expect(
      metricNames(
        'sum by (service, le) (rate(http_request_duration_seconds_bucket{namespace="$namespace", job=~"a|b"}[$__rate_interval]))',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(
      metricNames(
        'process_resident_memory_bytes{a="x"} / on (pod) group_left (service) (process_memory_limit_bytes > 0) > 0.9 * 1e+06',
      ).sort(),
    ).toEqual(['process_memory_limit_bytes', 'process_resident_memory_bytes']);
    expect(metricNames('a_total offset 5m and bool b unless c[5m:30s] or max(d) without (x)').sort()).toEqual(
      ['a_total', 'b', 'c', 'd'],
    );
    expect(
      variableQueryMetricNames('label_values(http_requests_total{namespace="$namespace"}, service)'),
    ).toEqual(['http_requests_total']);
  });
});

describe('the chart’s alert rules and dashboard read only metrics the services register', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bonfire-metrics-'));
  const running: { name: string; service: Running }[] = [];
  const scrapes = new Map<string, Scrape>();
  let rendered: ReturnType<typeof parseManifests>;

  beforeAll(async () => {
    if (!existsSync(helm)) {
      throw new Error(
        `${helm} is missing: run bash tools/helm/check.sh (it builds helm), or set BONFIRE_HELM`,
      );
    }
    rendered = parseManifests(
      execFileSync(
        helm,
        [
          'template',
          'bonfire',
          join(root, 'helm/bonfire'),
          '--namespace',
          'bonfire',
          '-f',
          'helm/bonfire/ci/all-enabled-values.yaml',
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      ),
    );

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BONFIRE_MODE: 'standalone',
      BONFIRE_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      VOICE_WORKERS: '1',
      GATEWAY_INTERNAL_PORT: String(await freePort()),
    };
    for (const [name] of SERVICES) {
      const port = await freePort();
      const upper = name.toUpperCase();
      env[`${upper}_HOST`] = '127.0.0.1';
      env[`${upper}_PORT`] = String(port);
      env[`${upper}_URL`] = `http://127.0.0.1:${port}`;
    }
    env['VOICE_SIGNALING_PORT'] = String(await freePort());
    env['VOICE_PUBLIC_URL'] = `http://127.0.0.1:${env['VOICE_SIGNALING_PORT']}`;
    for (const [name, starter] of SERVICES) {
      // A computed path: tools may not import apps statically (module boundaries), the test boots them.
      const bootstrap = (await import(join(root, 'apps', name, 'src', 'bootstrap.ts'))) as Record<
        string,
        (environment: NodeJS.ProcessEnv, options: { handleSignals: boolean }) => Promise<Running>
      >;
      running.push({ name, service: await bootstrap[starter]!(env, { handleSignals: false }) });
    }
    for (const { name, service } of running) {
      const response = await fetch(`${service.internalUrl ?? service.url}/metrics`);
      expect(response.status, `${name} /metrics`).toBe(200);
      scrapes.set(name, parseExposition(await response.text()));
    }
  });

  afterAll(async () => {
    for (const { service } of running.reverse()) await service.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every metric name some service registers, with the series names of histograms and summaries. */
  const registered = () => {
    const names = new Set<string>();
    const histograms = new Set<string>();
    for (const { types } of scrapes.values()) {
      for (const [name, type] of types) {
        names.add(name);
        if (type === 'histogram' || type === 'summary') {
          histograms.add(name);
          for (const suffix of ['_sum', '_count', ...(type === 'histogram' ? ['_bucket'] : [])]) {
            names.add(name + suffix);
          }
        }
      }
    }
    return { names, histograms };
  };

  const rules = () => {
    const file = ruleFile(rendered) as { groups: { rules: { alert: string; expr: string }[] }[] } | null;
    expect(file, 'a PrometheusRule in the rendered chart').not.toBeNull();
    return file!.groups.flatMap((group) => group.rules);
  };

  it('scrapes every service, each series labelled with its service', () => {
    expect([...scrapes.keys()].sort()).toEqual(SERVICES.map(([name]) => name).sort());
    for (const [name, { samples }] of scrapes) {
      const unlabelled = samples.filter((line) => !line.includes(`service="${name}"`));
      expect(unlabelled, `${name}: series without service="${name}"`).toEqual([]);
    }
  });

  it('registers the series the alerts are about', () => {
    const { names } = registered();
    for (const name of [
      'http_requests_total',
      'http_request_errors_total',
      'http_request_duration_seconds',
      'db_pool_connections',
      'db_pool_waiting_requests',
      'db_query_duration_seconds',
      'messaging_consumer_lag',
      'outbox_backlog_events',
      'outbox_oldest_unpublished_seconds',
      'realtime_connected_sockets',
      'process_memory_limit_bytes',
      'voice_worker_cpu_seconds_total',
      'search_indexer_paused',
      'readiness_check_up',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  it('every alert expression names registered metrics only', () => {
    const { names } = registered();
    const unknown = rules().flatMap((rule) =>
      metricNames(rule.expr)
        .filter((name) => !names.has(name))
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(rules().length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('every dashboard query names registered metrics only', () => {
    const { names } = registered();
    const [dashboard] = dashboards(rendered) as Dashboard[];
    expect(dashboard, 'a Grafana dashboard ConfigMap in the rendered chart').toBeDefined();
    const queries = dashboardQueries(dashboard!);
    expect(queries.length).toBeGreaterThan(20);
    const unknown = queries.flatMap(({ where, names: used }) =>
      used.filter((name) => !names.has(name)).map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
    for (const { where, names: used } of queries)
      expect(used.length, `${where} reads a metric`).toBeGreaterThan(0);
  });

  it('the dashboard shows every series an alert watches', () => {
    const { histograms } = registered();
    const [dashboard] = dashboards(rendered) as Dashboard[];
    const shown = new Set(
      dashboardQueries(dashboard!).flatMap(({ names }) => names.map((name) => baseName(name, histograms))),
    );
    const alerted = new Set(
      rules().flatMap((rule) => metricNames(rule.expr).map((name) => baseName(name, histograms))),
    );
    expect([...alerted].filter((name) => !shown.has(name))).toEqual([]);
  });
});
