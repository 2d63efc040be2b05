import type { Admin } from 'kafkajs';

/**
 * End offsets minus the group's committed offsets. A partition with nothing committed counts from where
 * the group starts there: its low offset (`earliest`), or the end offset pinned at subscribe time.
 */
export async function groupLag(
  admin: Admin,
  group: string,
  topics: readonly string[],
  fromBeginning: boolean,
  startOffsets: ReadonlyMap<string, string>,
): Promise<number> {
  const [committed, ...ends] = await Promise.all([
    admin.fetchOffsets({ groupId: group, topics: [...topics] }),
    ...topics.map((topic) => admin.fetchTopicOffsets(topic)),
  ]);
  let lag = 0;
  topics.forEach((topic, index) => {
    const committedBy = new Map(
      (committed.find((entry) => entry.topic === topic)?.partitions ?? []).map((p) => [
        p.partition,
        p.offset,
      ]),
    );
    for (const end of ends[index] ?? []) {
      const position = Number(committedBy.get(end.partition) ?? -1);
      const from =
        position >= 0
          ? position
          : Number(fromBeginning ? end.low : (startOffsets.get(`${topic}:${end.partition}`) ?? end.high));
      lag += Math.max(0, Number(end.high) - from);
    }
  });
  return lag;
}

/**
 * kafkajs resolves "latest" for a group without committed offsets only at its first fetch after the
 * join, so events published in between would be skipped. For such partitions this returns the current
 * end offsets (`topic:partition` → offset), which the consumer seeks to when the group assigns them:
 * "latest" then means "from the moment subscribe() was called". Metadata calls only, in parallel.
 */
export async function endOffsetsOfNewGroup(
  admin: Admin,
  group: string,
  topics: readonly string[],
): Promise<Map<string, string>> {
  const pins = new Map<string, string>();
  const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
  await Promise.all(
    committed.map(async ({ topic, partitions }) => {
      const fresh = new Set(partitions.filter((p) => p.offset === '-1').map((p) => p.partition));
      if (fresh.size === 0) return;
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (fresh.has(partition)) pins.set(`${topic}:${partition}`, high);
      }
    }),
  );
  return pins;
}
