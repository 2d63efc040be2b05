// Readable console output for `npm start` and `npm run start:distributed`: the services write JSON log
// lines (what production collects); a person at a terminal reads `hh:mm:ss service  message`.
const COLORS = [36, 35, 33, 32, 34, 31, 96];
const LEVEL_STYLE = { trace: 90, debug: 90, info: 0, warn: 33, error: 31, fatal: 41 };

// Nest's start-up chatter (modules loaded, routes mapped): useful when debugging, noise otherwise.
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * Returns `print(source, line)`. A JSON line is shown under its `service` field when it has one (the
 * standalone process carries every service), else under `source`; other lines are shown as they are.
 */
export function createPrettyPrinter(names) {
  const width = Math.max(...names.map((name) => name.length));
  const colorOf = (name) => {
    const index = names.indexOf(name);
    return COLORS[(index < 0 ? names.length : index) % COLORS.length];
  };
  return (source, line) => {
    let text = line;
    let name = source;
    try {
      const record = JSON.parse(line);
      if (QUIET_CONTEXTS.has(record.context) && record.level === 'info') return;
      if (typeof record.service === 'string') name = record.service;
      const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '';
      const extra =
        record.req && record.res ? ` ${record.req.method} ${record.req.url} → ${record.res.statusCode}` : '';
      const error = record.err?.message ? ` (${record.err.message})` : '';
      text = `${time} \x1b[${LEVEL_STYLE[record.level] ?? 0}m${record.msg ?? ''}${extra}${error}\x1b[0m`;
    } catch {
      // not JSON: show as is
    }
    process.stdout.write(`\x1b[${colorOf(name)}m${name.padEnd(width)}\x1b[0m ${text}\n`);
  };
}
