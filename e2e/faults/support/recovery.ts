const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Seconds from `since` until every one of `processes` answers /health/ready (polled every 250 ms), and the
 * last one to be ready when that took a second or more; past `timeoutMs` from `since`: null seconds, and in
 * `last` the readiness answers of those not ready.
 */
export async function recovery(
  processes: { name: string; url: string }[],
  since: number,
  timeoutMs: number,
): Promise<{ seconds: number | null; last?: string }> {
  const readyAt = new Map<string, number>();
  const deadline = since + timeoutMs;
  const answers: Record<string, string> = {};
  while (Date.now() < deadline) {
    await Promise.all(
      processes
        .filter((service) => !readyAt.has(service.name))
        .map(async (service) => {
          try {
            const response = await fetch(`${service.url}/health/ready`, {
              signal: AbortSignal.timeout(2_000),
            });
            answers[service.name] = `${response.status} ${(await response.text()).slice(0, 300)}`;
            if (response.ok) readyAt.set(service.name, Date.now());
          } catch (error) {
            answers[service.name] = (error as Error).message;
          }
        }),
    );
    if (readyAt.size === processes.length) {
      const [name, at] = [...readyAt].reduce((a, b) => (b[1] > a[1] ? b : a));
      const seconds = Math.round((at - since) / 100) / 10;
      return seconds >= 1 ? { seconds, last: name } : { seconds };
    }
    await sleep(250);
  }
  return {
    seconds: null,
    last: processes
      .filter((service) => !readyAt.has(service.name))
      .map((service) => `${service.name}: ${answers[service.name] ?? '?'}`)
      .join('; '),
  };
}

/**
 * After a failed audit: each process's last warnings and errors (its JSON log lines at warn and above), to
 * say why; the suite does not keep the processes' whole output.
 */
export function recentErrors(processes: { name: string; logs(): string }[], perProcess = 5): string {
  const parts: string[] = [];
  for (const service of processes) {
    const lines = service
      .logs()
      .split('\n')
      .filter((line) => /"level":"(warn|error|fatal)"/.test(line))
      .slice(-perProcess);
    if (lines.length > 0)
      parts.push(`  ${service.name}, last warnings and errors:\n    ${lines.join('\n    ')}`);
  }
  return parts.join('\n');
}
