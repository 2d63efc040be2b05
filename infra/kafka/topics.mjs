// The declared Kafka topics (topics.json): loading, validation, and bringing a broker in line with them.
import { readFileSync } from 'node:fs';

export const DLQ_SUFFIX = '.dlq';
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** @returns {{ name: string, partitions: number, config: Record<string, string | number> }[]} */
export function loadTopics() {
  return JSON.parse(readFileSync(new URL('./topics.json', import.meta.url), 'utf8')).topics;
}

/** Every problem with a topic list (empty = valid): names, partitions, and a .dlq for every topic. */
export function validateTopics(topics) {
  const problems = [];
  const names = new Set();
  for (const topic of topics) {
    if (!TOPIC_NAME.test(topic.name ?? '')) problems.push(`invalid topic name "${topic.name}"`);
    if (names.has(topic.name)) problems.push(`duplicate topic "${topic.name}"`);
    names.add(topic.name);
    if (!Number.isInteger(topic.partitions) || topic.partitions < 1)
      problems.push(`${topic.name}: partitions must be an integer ≥ 1`);
    if (!topic.config?.['retention.ms']) problems.push(`${topic.name}: config["retention.ms"] is required`);
  }
  for (const name of names) {
    if (!name.endsWith(DLQ_SUFFIX) && !names.has(name + DLQ_SUFFIX))
      problems.push(`${name}: missing ${name}${DLQ_SUFFIX}`);
    if (name.endsWith(DLQ_SUFFIX) && !names.has(name.slice(0, -DLQ_SUFFIX.length)))
      problems.push(`${name}: no source topic`);
  }
  return problems;
}

const TOPIC_RESOURCE = 2; // kafkajs ConfigResourceTypes.TOPIC

/**
 * Create missing topics, raise partition counts and update configs of existing ones (idempotent).
 * Returns human-readable lines describing what changed.
 */
export async function syncTopics(admin, topics) {
  const problems = validateTopics(topics);
  if (problems.length) throw new Error(`infra/kafka/topics.json: ${problems.join('; ')}`);
  const asEntries = (config) =>
    Object.entries(config).map(([name, value]) => ({ name, value: String(value) }));
  const changes = [];

  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.name));
  if (missing.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor: 1,
        configEntries: asEntries(t.config),
      })),
    });
    changes.push(`created ${missing.length} topic(s): ${missing.map((t) => t.name).join(', ')}`);
  }

  const present = topics.filter((topic) => existing.has(topic.name));
  if (!present.length) return changes;
  const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
  const partitionCount = new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
  const raise = present.filter((t) => partitionCount.get(t.name) < t.partitions);
  if (raise.length) {
    await admin.createPartitions({
      topicPartitions: raise.map((t) => ({ topic: t.name, count: t.partitions })),
    });
    changes.push(
      ...raise.map((t) => `${t.name}: partitions ${partitionCount.get(t.name)} → ${t.partitions}`),
    );
  }
  for (const t of present.filter((t) => partitionCount.get(t.name) > t.partitions)) {
    changes.push(
      `${t.name}: has ${partitionCount.get(t.name)} partitions, file says ${t.partitions} (Kafka cannot shrink; left as is)`,
    );
  }

  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: present.map((t) => ({
      type: TOPIC_RESOURCE,
      name: t.name,
      configNames: Object.keys(t.config),
    })),
  });
  const current = new Map(
    described.resources.map((r) => [
      r.resourceName,
      new Map(r.configEntries.map((e) => [e.configName, e.configValue])),
    ]),
  );
  const drifted = present.filter((t) =>
    asEntries(t.config).some(({ name, value }) => current.get(t.name)?.get(name) !== value),
  );
  if (drifted.length) {
    // alterConfigs replaces a topic's dynamic config as a whole: the file is the full truth.
    await admin.alterConfigs({
      resources: drifted.map((t) => ({
        type: TOPIC_RESOURCE,
        name: t.name,
        configEntries: asEntries(t.config),
      })),
    });
    changes.push(`updated config of ${drifted.map((t) => t.name).join(', ')}`);
  }
  return changes;
}
