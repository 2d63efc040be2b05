/**
 * The metric names a PromQL expression reads, without a PromQL parser: strings, label matchers, range and
 * subquery brackets, grouping clauses and Grafana variables are removed, then every remaining identifier
 * that is not a function/aggregation (followed by `(`), a keyword or a number/duration is a metric name.
 * Good for the expressions this chart ships (promtool checks their syntax separately).
 */
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

export function metricNames(expression: string): string[] {
  const stripped = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^[\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)/g, ' ')
    .replace(/\b(?:group_left|group_right)\b/g, ' ')
    .replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, ' ');
  const names = new Set<string>();
  const token = /(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?:ms|[smhdwy])*)|([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?/g;
  for (const match of stripped.matchAll(token)) {
    const [, number, identifier, call] = match;
    if (number !== undefined || identifier === undefined || call !== undefined) continue;
    if (KEYWORDS.has(identifier.toLowerCase())) continue;
    names.add(identifier);
  }
  return [...names];
}

/** A Grafana variable query: `label_values(<selector>, label)` reads the selector's metric only. */
export function variableQueryMetricNames(query: string): string[] {
  const labelValues = /^\s*label_values\((.*),\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*$/s.exec(query);
  return metricNames(labelValues ? labelValues[1]! : query);
}

/** `x_bucket`, `x_sum`, `x_count` of a histogram or summary `x` are series of `x`. */
export function baseName(name: string, histograms: ReadonlySet<string>): string {
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return base !== name && histograms.has(base) ? base : name;
}
