import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnTsx } from './tsx-process';

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

/** Starts the line a bench's own process prints its figures on (as JSON after it). */
const FIGURES_MARK = '#figures ';

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
      const figures = await runInOwnProcess(path, fn);
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

/**
 * Runs one bench in a Node process of its own and resolves to its figures. In one shared process
 * a bench measured what the benches before it had left: their heap (which sets when V8 collects),
 * their compiled code, their timers. The load bench's bare client, whose speed depends on when
 * full collections come, ran 15 % slower after the others than alone. Whatever else the bench
 * prints passes through; it fails with the process's exit code or signal.
 */
function runInOwnProcess(path: string, fn: string): Promise<Record<string, number>> {
  const child = spawnTsx(fileURLToPath(import.meta.url), ['--one', path, fn], 'ignore');
  let figures: Record<string, number> | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(FIGURES_MARK)) figures = JSON.parse(line.slice(FIGURES_MARK.length)) as Record<string, number>;
    else console.log(line);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (figures && code === 0) resolve(figures);
      else reject(new Error(`its process ended with ${signal ?? `exit code ${code}`}${figures ? '' : ' before printing its figures'}`));
    });
  });
}

/** In a bench's own process: runs `fn` of the module at `path` and prints its figures on one marked line. */
async function runOne(path: string, fn: string): Promise<void> {
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const bench = mod[fn] as BenchFn | undefined;
  if (typeof bench !== 'function') throw new Error(`${path} does not export ${fn}()`);
  const figures = await bench();
  // Exits once the line is out: a bench may leave a handle open (a browser's pipe, a timer).
  process.stdout.write(`${FIGURES_MARK}${JSON.stringify(figures)}\n`, () => process.exit(0));
}

if (process.argv[2] === '--one') await runOne(process.argv[3]!, process.argv[4]!);
else await main();
