// Static checks of docker/docker-compose.yml where no Docker engine exists (tools/helm/check.sh runs it):
// YAML syntax with anchors/merge keys resolved, interpolation syntax, every depends_on target defined,
// build contexts and Dockerfiles and bind-mounted files present, images set, named volumes declared, and
// no secret with a fallback value.
// It does not run `docker compose config` (no engine/CLI here); do that where Docker is available.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = resolve(here, process.argv[2] ?? 'docker-compose.yml');
const YAML = createRequire(resolve(here, '../package.json'))('yaml');
const text = readFileSync(file, 'utf8');
const problems = [];

const doc = YAML.parseDocument(text, { merge: true, prettyErrors: true });
for (const error of doc.errors) problems.push(`YAML: ${error.message}`);
const compose = doc.toJSON();

// ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}; $$ escapes a dollar.
for (const match of text.matchAll(/\$(\{[^}]*\}?|[A-Za-z_]\w*|\$)?/g)) {
  const token = match[1];
  if (token === '$' || (token && !token.startsWith('{'))) continue;
  if (!token || !/^\{[A-Za-z_]\w*(?:(?::?[-?+])[^}]*)?\}$/.test(token)) {
    const line = text.slice(0, match.index).split('\n').length;
    problems.push(`line ${line}: bad interpolation "${match[0]}"`);
  }
}

// Production-safe defaults: a secret is required (`${VAR:?}`), never given a fallback the file would ship.
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE|API_KEY|ACCESS_KEY(?!_ID)/;
for (const match of text.matchAll(/\$\{([A-Za-z_]\w*)(:?[-+])[^}]*\}/g)) {
  if (SECRET_NAME.test(match[1])) {
    const line = text.slice(0, match.index).split('\n').length;
    problems.push(`line ${line}: ${match[1]} has a fallback; require it with \${${match[1]}:?…}`);
  }
}

const services = compose?.services ?? {};
if (!Object.keys(services).length) problems.push('no services');
const volumes = new Set(Object.keys(compose?.volumes ?? {}));
for (const [name, service] of Object.entries(services)) {
  if (!service.image && !service.build) problems.push(`${name}: neither image nor build`);
  if (service.build) {
    const context = resolve(here, service.build.context ?? '.');
    if (!existsSync(context)) problems.push(`${name}: build context ${context} missing`);
    const dockerfile = resolve(context, service.build.dockerfile ?? 'Dockerfile');
    if (!existsSync(dockerfile)) problems.push(`${name}: Dockerfile ${dockerfile} missing`);
  }
  const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
  for (const dep of deps) {
    if (!services[dep]) problems.push(`${name}: depends_on unknown service "${dep}"`);
    const condition = service.depends_on?.[dep]?.condition;
    if (
      condition &&
      !['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition)
    ) {
      problems.push(`${name}: depends_on ${dep}: unknown condition ${condition}`);
    }
    if (condition === 'service_healthy' && services[dep] && !services[dep].healthcheck) {
      problems.push(`${name}: waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
    }
    const ownProfiles = service.profiles ?? [];
    const depProfiles = services[dep]?.profiles ?? [];
    if (depProfiles.length && !depProfiles.some((p) => ownProfiles.includes(p))) {
      problems.push(`${name}: depends on ${dep}, which only runs with profile ${depProfiles.join('/')}`);
    }
  }
  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    if (source.startsWith('.') || source.startsWith('/')) {
      if (!existsSync(resolve(here, source))) problems.push(`${name}: bind mount source ${source} missing`);
    } else if (!volumes.has(source)) {
      problems.push(`${name}: volume "${source}" not declared under volumes:`);
    }
  }
  const env = service.environment ?? {};
  if (Array.isArray(env)) problems.push(`${name}: use a map for environment (merged from x-bonfire-env)`);
  for (const [key, value] of Object.entries(env)) {
    if (value !== null && typeof value === 'object')
      problems.push(`${name}: environment ${key} is not a scalar`);
  }
}

if (problems.length) {
  console.error(`✗ ${file}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`✓ ${file}: ${Object.keys(services).length} services, YAML/anchors/interpolation/references OK`);
