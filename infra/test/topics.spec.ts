import { ALL_TOPICS } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { DLQ_SUFFIX, loadTopics, validateTopics } from '../kafka/topics.mjs';

describe('infra/kafka/topics.json', () => {
  const topics = loadTopics();
  const names = topics.map((topic) => topic.name);

  it('is valid: unique names, partitions ≥ 1, retention set, a .dlq for every topic', () => {
    expect(validateTopics(topics)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    for (const topic of topics) expect(topic.partitions).toBeGreaterThanOrEqual(1);
    for (const name of names.filter((n) => !n.endsWith(DLQ_SUFFIX)))
      expect(names).toContain(`${name}${DLQ_SUFFIX}`);
  });

  it('declares exactly the topics of libs/contracts', () => {
    const sources = names.filter((n) => !n.endsWith(DLQ_SUFFIX));
    expect([...sources].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it('gives platform.selftest more than one partition, so per-key ordering tests mean something', () => {
    expect(topics.find((t) => t.name === 'platform.selftest')!.partitions).toBeGreaterThan(1);
  });

  it('gives dead-letter topics fewer partitions and at least the retention of their source', () => {
    for (const dlq of topics.filter((t) => t.name.endsWith(DLQ_SUFFIX))) {
      const source = topics.find((t) => t.name === dlq.name.slice(0, -DLQ_SUFFIX.length))!;
      expect(dlq.partitions).toBeLessThanOrEqual(source.partitions);
      expect(Number(dlq.config['retention.ms'])).toBeGreaterThanOrEqual(
        Number(source.config['retention.ms']),
      );
    }
  });

  it('reports what is wrong with a bad list', () => {
    const problems = validateTopics([
      { name: 'a', partitions: 0, config: { 'retention.ms': 1 } },
      { name: 'a', partitions: 1, config: { 'retention.ms': 1 } },
      { name: 'b.dlq', partitions: 1, config: {} },
    ]);
    expect(problems.join('\n')).toMatch(/partitions must be/);
    expect(problems.join('\n')).toMatch(/duplicate topic "a"/);
    expect(problems.join('\n')).toMatch(/a: missing a\.dlq/);
    expect(problems.join('\n')).toMatch(/b\.dlq: no source topic/);
    expect(problems.join('\n')).toMatch(/retention\.ms/);
  });
});
