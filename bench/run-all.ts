import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchFn = () => Promise<Record<string, number>>;

/** Each benchmark module and the function it exports; a module not written yet is skipped. */
const BENCHES: Array<{ file: string; fn: string }> = [
  { file: 'trace-ingest.ts', fn: 'benchTraceIngest' },
  { file: 'capture-overhead.ts', fn: 'benchCaptureOverhead' },
  { file: 'trace-view.ts', fn: 'benchTraceView' },
  { file: 'metrics-ingest.ts', fn: 'benchMetricsIngest' },
  { file: 'latency-chart.ts', fn: 'benchLatencyChart' },
  { file: 'timeline.ts', fn: 'benchTimeline' },
  { file: 'tool-form.ts', fn: 'benchToolForm' },
  { file: 'load-throughput.ts', fn: 'benchLoadThroughput' },
  { file: 'cli-tools-wall.ts', fn: 'benchCliToolsWall' },
];

/** The targets from the product requirements, printed next to each figure. */
const TARGETS: Record<string, string> = {
  'trace-ingest-msgs-per-s': '>= 50000',
  'trace-ingest-peak-rss-mb': '< 300',
  'capture-overhead-p50-ratio': '<= 1.10',
  'capture-overhead-modern-p50-ratio': '<= 1.10',
  'trace-view-first-render-ms': '< 200',
  'trace-view-filter-ms': '< 50',
  'metrics-ingest-msgs-per-s': '>= 100000',
  'chart-100k-render-ms': '< 150',
  'timeline-10k-render-ms': '< 100',
  'tool-form-big-schema-render-ms': '< 200',
  'tool-form-big-schema-change-ms': '< 50',
  'tool-form-big-schema-validate-ms': '< 150',
  'load-throughput-ratio': '>= 0.9',
  'cli-tools-wall-ratio': '<= 0.5',
};

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return String(Math.round(value));
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  let failures = 0;
  for (const { file, fn } of BENCHES) {
    const path = join(here, file);
    if (!existsSync(path)) {
      console.log(`# ${file}: not present, skipped`);
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const bench = mod[fn] as BenchFn | undefined;
      if (typeof bench !== 'function') throw new Error(`${file} does not export ${fn}()`);
      const figures = await bench();
      for (const [name, value] of Object.entries(figures)) {
        const target = TARGETS[name];
        console.log(`${name}: ${formatValue(value)}${target ? `  (target ${target})` : ''}`);
      }
    } catch (error) {
      failures++;
      console.log(`# ${file}: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures > 0) process.exitCode = 1;
}

await main();
