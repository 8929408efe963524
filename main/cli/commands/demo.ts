import { Option, type Command } from 'commander';
import type { ConnectionInfo } from '../../../shared/model';
import type { McpConnection } from '../../core/connections/mcp-connection';
import { withTarget } from '../cli-session';
import { actionCommand, type CommandContext } from '../command-context';
import { formatToolResult, type ToolResultLike } from '../format/content';
import { formatProgress } from './call';

/**
 * `periscope demo`: starts the playground on a free loopback port and runs a short session
 * against it, printing the live trace as it happens and a per-method latency summary at the end.
 * Needs no server of your own.
 */
export function registerDemoCommand(program: Command, cctx: CommandContext): void {
  program
    .command('demo')
    .description('start the playground, run a short session against it with the live trace, and show a latency summary')
    .option('--transport <kind>', 'auto, streamable, sse or websocket', 'auto')
    .addOption(new Option('--protocol-era <era>', 'protocol era to speak (the playground serves both)').choices(['auto', 'modern', 'legacy']).default('auto'))
    .option('--record <file>', 'also write the session file')
    .option('--json', 'print the results and the latency summary as JSON (the trace then goes to stderr)')
    .action(async (...params: unknown[]) => {
      const opts = actionCommand(params).opts() as { transport: string; protocolEra: 'auto' | 'modern' | 'legacy'; record?: string; json?: boolean };
      const { out } = cctx;
      // Loaded on use (the server SDK, the HDR histograms): commands that do not need them start faster.
      const [{ startPlayground }, { formatLatencyTable }] = await Promise.all([import('../../core/playground/start-playground'), import('../latency-summary')]);
      const playground = await startPlayground({ port: 0 });
      try {
        const url = opts.transport === 'websocket' ? playground.urls.websocket : opts.transport === 'sse' ? playground.urls.sse : playground.urls.streamable;
        out.line(`Started the playground at ${playground.baseUrl}; connecting to ${url}`);
        out.line('');
        const traceTo = out.json ? undefined : (line: string) => out.line(`  ${line}`);
        const target = { transport: opts.transport as 'auto', url, protocolEra: opts.protocolEra };
        const report = await withTarget(out, target, 'playground (demo)', { trace: true, traceTo, record: opts.record }, (connection, info) =>
          runSession(cctx, connection, info),
        );
        out.data(report);
        out.line('');
        out.line('Latency per method (from the trace):');
        for (const line of formatLatencyTable(report.latency)) out.line(`  ${line}`);
        if (opts.record) out.line(`Session file written to ${opts.record}`);
      } finally {
        await playground.close();
      }
    });
}

async function runSession(cctx: CommandContext, connection: McpConnection, info: ConnectionInfo) {
  const { out } = cctx;
  const step = (text: string) => out.line(`\n> ${text}`);
  step(`connected to ${info.serverInfo?.name} ${info.serverInfo?.version} over ${info.transport} (${eraWords(info)}, protocol ${info.protocolVersion})`);
  if (info.eraDetection) out.line(`  ${info.eraDetection.explanation}`);

  step('tools/list');
  const { tools } = (await connection.listTools()) as { tools: Array<{ name: string }> };
  out.line(`  ${tools.length} tools: ${tools.map((t) => t.name).join(', ')}`);

  const results: Record<string, ToolResultLike> = {};
  const call = async (name: string, args: Record<string, unknown>) => {
    step(`tools/call ${name} ${JSON.stringify(args)}`);
    const result = (await connection.callTool(name, args, {
      onProgress: (p: { progress: number; total?: number; message?: string }) => out.line(`  ${formatProgress(name, p)}`),
    })) as ToolResultLike;
    results[name] = result;
    for (const line of formatToolResult(result)) out.line(`  = ${line}`);
  };
  await call('echo', { message: 'hello from periscope demo' });
  await call('add', { a: 2, b: 40 });
  await call('slow_operation', { steps: 4, stepMs: 100 });

  step('resources/read playground://readme');
  const read = (await connection.readResource('playground://readme')) as { contents: Array<{ text?: string }> };
  out.line(`  ${read.contents[0]?.text?.split('\n')[0] ?? '(empty)'}`);

  step(`ping x3 (${info.era === 'modern' ? 'server/discover: the 2026-07-28 era has no ping' : 'ping'})`);
  const pings: number[] = [];
  for (let i = 0; i < 3; i++) pings.push((await connection.ping()).latencyMs);
  out.line(`  ${pings.map((ms) => `${ms.toFixed(2)} ms`).join(', ')}`);

  const { summarizeLatency } = await import('../latency-summary');
  return {
    server: info.serverInfo,
    transport: info.transport,
    era: info.era,
    protocolVersion: info.protocolVersion,
    tools: tools.map((t) => t.name),
    results,
    pingsMs: pings,
    latency: summarizeLatency(connection.buffer.entries()),
  };
}

function eraWords(info: ConnectionInfo): string {
  if (info.era === 'modern') return '2026-07-28 era';
  return info.era === 'legacy' ? '2025 era' : 'era unknown';
}
