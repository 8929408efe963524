/** One sample line: `name{label="value",...} value [timestamp]`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family as declared by `# TYPE` (samples of histograms/summaries keep their suffixed names). */
export interface PrometheusFamily {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: PrometheusSample[];
}

const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

/**
 * Parses the Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
 * `# HELP` and `# TYPE` lines, samples with escaped label values (`\\`, `\"`, `\n`), values such as
 * `+Inf`, `NaN` and `1e-3`, an optional timestamp. A sample belongs to the family its `# TYPE`
 * named, with the `_bucket`/`_sum`/`_count` (histogram) and `_sum`/`_count` (summary) suffixes.
 * Throws an Error naming the line number on a malformed line.
 */
export function parsePrometheusText(text: string): PrometheusFamily[] {
  const families = new Map<string, PrometheusFamily>();
  const family = (name: string): PrometheusFamily => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, type: 'untyped', help: '', samples: [] }));
    return f;
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('#')) {
      const meta = /^#\s*(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(.*)$/.exec(line);
      if (!meta) return; // an ordinary comment
      if (meta[1] === 'TYPE') {
        if (!TYPES.has(meta[3]!)) throw new Error(`line ${index + 1}: unknown metric type "${meta[3]}"`);
        family(meta[2]!).type = meta[3] as PrometheusFamily['type'];
      } else family(meta[2]!).help = meta[3]!.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      return;
    }
    const sample = parseSample(line, index + 1);
    family(familyOf(sample.name, families)).samples.push(sample);
  });
  return [...families.values()].filter((f) => f.samples.length > 0);
}

function familyOf(sampleName: string, families: Map<string, PrometheusFamily>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!sampleName.endsWith(suffix)) continue;
    const base = families.get(sampleName.slice(0, -suffix.length));
    if (base && (base.type === 'histogram' || (base.type === 'summary' && suffix !== '_bucket'))) return base.name;
  }
  return sampleName;
}

function parseSample(line: string, lineNo: number): PrometheusSample {
  const fail = (why: string): never => {
    throw new Error(`line ${lineNo}: ${why}`);
  };
  const name = NAME.exec(line)?.[0] ?? fail('a sample must start with a metric name');
  let at = name.length;
  const labels: Record<string, string> = {};
  if (line[at] === '{') {
    at++;
    for (;;) {
      while (line[at] === ' ' || line[at] === ',') at++;
      if (line[at] === '}') {
        at++;
        break;
      }
      const label = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(at))?.[0] ?? fail('a label name was expected');
      at += label.length;
      while (line[at] === ' ') at++;
      if (line[at] !== '=' || line[at + 1] !== '"') fail(`label ${label} needs ="value"`);
      at += 2;
      let value = '';
      for (;;) {
        const c = line[at++];
        if (c === undefined) fail(`the value of label ${label} is not closed`);
        if (c === '"') break;
        if (c === '\\') {
          const next = line[at++];
          value += next === 'n' ? '\n' : next;
        } else value += c;
      }
      labels[label] = value;
    }
  }
  const [valueText] = line.slice(at).trim().split(/\s+/);
  const value = parseValue(valueText ?? '');
  if (value === undefined) fail(`"${valueText ?? ''}" is not a sample value`);
  return { name, labels, value: value! };
}

function parseValue(text: string): number | undefined {
  if (/^[+]?Inf$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-Inf$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^NaN$/i.test(text)) return Number.NaN;
  if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
