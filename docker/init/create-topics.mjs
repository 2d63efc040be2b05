// One-shot: create/align the Kafka topics declared in infra/kafka/topics.json (the same code
// `npm run infra:up` uses). Runs in a Bonfire service image, which carries kafkajs in /app/node_modules;
// compose mounts infra/kafka at /infra/kafka.
import { createRequire } from 'node:module';
import { loadTopics, syncTopics } from '/infra/kafka/topics.mjs';

const { Kafka, logLevel } = createRequire('/app/package.json')('kafkajs');
const brokers = (process.env.KAFKA_BROKERS ?? 'kafka:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const kafka = new Kafka({
  clientId: 'bonfire-init',
  brokers,
  logLevel: logLevel.WARN,
  retry: { retries: 15 },
});
const admin = kafka.admin();
await admin.connect();
try {
  const changes = await syncTopics(admin, loadTopics());
  console.log(changes.length ? changes.join('\n') : 'topics already up to date');
} finally {
  await admin.disconnect();
}
