import { Command, InvalidArgumentError, Option } from 'commander';
import { parseFaultFlags, FAULT_FLAG_SYNTAX } from '../../core/playground/fault-flags';
import { actionCommand, type CommandContext } from '../command-context';
import { collect } from '../connection-options';

interface PlaygroundCliOptions {
  port?: number;
  requireBearer?: string;
  fault: string[];
  stdio?: boolean;
  json?: boolean;
}


function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port (0-65535; 0 picks a free one).`);
  return n;
}

/**
 * `periscope playground`: the built-in demo MCP server on 127.0.0.1 (every transport at once),
 * or over stdio with --stdio. Runs until Ctrl-C, then closes every session and the listener.
 */
export function registerPlaygroundCommand(program: Command, cctx: CommandContext): void {
  program
    .command('playground')
    .description('run the built-in playground MCP server on 127.0.0.1 (Streamable HTTP, SSE, WebSocket) until Ctrl-C')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (default: a free one)').argParser(port))
    .option('--require-bearer <token>', 'answer 401 unless "Authorization: Bearer <token>" is sent')
    .option('--fault <list>', `inject faults: ${FAULT_FLAG_SYNTAX} (repeatable)`, collect, [])
    .option('--stdio', 'serve one client over stdin/stdout instead of HTTP')
    .option('--json', 'print the endpoint URLs as JSON')
    .action(async (...params: unknown[]) => {
      const opts = actionCommand(params).opts() as PlaygroundCliOptions;
      const faults = parseFaultFlags(opts.fault);
      if (opts.stdio) {
        // stdout carries the protocol, so nothing else may be printed there.
        // Loaded on use: the server SDK and its HTTP framework are most of a cold start's parsing.
        const { runStdioPlayground } = await import('../../core/playground/stdio-playground');
        await runStdioPlayground({ faults, stdin: cctx.stdin, stdout: cctx.stdout });
        return;
      }
      const { startPlayground } = await import('../../core/playground/start-playground');
      const playground = await startPlayground({ port: opts.port ?? 0, requireBearer: opts.requireBearer, faults });
      cctx.out.data({ baseUrl: playground.baseUrl, port: playground.port, urls: playground.urls });
      cctx.out.line(`Playground MCP server listening on ${playground.baseUrl}`);
      cctx.out.line(`  Streamable HTTP  ${playground.urls.streamable}`);
      cctx.out.line(`  SSE (legacy)     ${playground.urls.sse}`);
      cctx.out.line(`  WebSocket        ${playground.urls.websocket}`);
      if (opts.requireBearer) cctx.out.line('  Requires         Authorization: Bearer <the --require-bearer token>');
      const active = Object.entries(faults).filter(([, v]) => v !== undefined && v !== false);
      if (active.length > 0) cctx.out.line(`  Faults           ${active.map(([k, v]) => (v === true ? k : `${k}=${String(v)}`)).join(', ')}`);
      cctx.out.line(`Try: periscope tools ${playground.urls.streamable}`);
      cctx.out.line('Press Ctrl-C to stop.');
      await untilInterrupted(cctx);
      cctx.out.note('stopping the playground...');
      await playground.close();
    });
}

function untilInterrupted(cctx: CommandContext): Promise<void> {
  return new Promise((resolve) => {
    const stop = cctx.onInterrupt(() => {
      stop();
      resolve();
    });
  });
}
