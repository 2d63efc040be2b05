#!/usr/bin/env node
// The chart's monitoring objects out of `helm template` output, for the tools that check them:
//   node tools/helm/monitoring-objects.mjs rules <rendered.yaml> <out.yaml>      → a Prometheus rule file
//                                                                                  (the PrometheusRule's groups)
//   node tools/helm/monitoring-objects.mjs dashboard <rendered.yaml> <out.json>  → the dashboard JSON
// Exit status 1 when the rendered output has no such object. Also imported by tools/helm/*.spec.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const YAML = createRequire(resolve(import.meta.dirname, '../../package.json'))('yaml');

/** Every object of a multi-document manifest stream (empty documents left out). */
export function parseManifests(text) {
  return YAML.parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`invalid YAML: ${document.errors[0].message}`);
      return document.toJS();
    })
    .filter((object) => object && typeof object === 'object');
}

/** The rule groups of every PrometheusRule, as one Prometheus rule file ({ groups }). */
export function ruleFile(objects) {
  const rules = objects.filter((object) => object.kind === 'PrometheusRule');
  if (rules.length === 0) return null;
  return { groups: rules.flatMap((rule) => rule.spec?.groups ?? []) };
}

/** The dashboards of every ConfigMap Grafana's sidecar would import (each data entry is one JSON). */
export function dashboards(objects) {
  return objects
    .filter(
      (object) => object.kind === 'ConfigMap' && object.metadata?.labels?.grafana_dashboard !== undefined,
    )
    .flatMap((configMap) => Object.values(configMap.data ?? {}).map((text) => JSON.parse(text)));
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const [what, input, output] = process.argv.slice(2);
  const objects = parseManifests(readFileSync(input, 'utf8'));
  if (what === 'rules') {
    const file = ruleFile(objects);
    if (!file) {
      console.error(`no PrometheusRule in ${input}`);
      process.exit(1);
    }
    writeFileSync(output, YAML.stringify(file, { lineWidth: 0 }));
    console.log(
      `${file.groups.reduce((n, group) => n + group.rules.length, 0)} rules in ${file.groups.length} groups`,
    );
  } else if (what === 'dashboard') {
    const [dashboard] = dashboards(objects);
    if (!dashboard) {
      console.error(`no Grafana dashboard ConfigMap in ${input}`);
      process.exit(1);
    }
    writeFileSync(output, JSON.stringify(dashboard, null, 2));
    console.log(`dashboard "${dashboard.title}": ${dashboard.panels.length} panels`);
  } else {
    console.error('usage: monitoring-objects.mjs rules|dashboard <rendered.yaml> <out>');
    process.exit(2);
  }
}
