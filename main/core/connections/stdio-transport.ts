import type { Readable } from 'node:stream';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { ConnectionTarget } from '../../../shared/model/connection';
import type { Redactor } from '../capture/redaction';
import type { TraceBus } from '../capture/trace-bus';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { FIX } from '../diagnostics/fixes';
import { StdoutLineReader, type StdoutNoise } from './stdout-lines';
import { checkWorkingDirectory } from './stdio-cwd';

const MAX_LINE_CHARS = 16 * 1024;

/**
 * The SDK's stdio client transport: the command with its args, the safe default environment plus
 * the target's env, the cwd, and stderr piped so each line becomes a `stderr` trace entry (that is
 * usually where a failing server says why).
 */
export function createStdioTransport(target: ConnectionTarget, bus: TraceBus, redactor: Redactor): StdioClientTransport {
  if (!target.command?.trim()) {
    throw new PeriscopeError({ kind: 'invalid-input', message: 'No command given for the stdio server', hint: 'give the command to run, e.g. node server.js', fixes: [FIX.command] });
  }
  checkWorkingDirectory(target.cwd);
  const transport = new StdioClientTransport({
    command: target.command,
    args: target.args,
    env: { ...getDefaultEnvironment(), ...target.env },
    ...(target.cwd ? { cwd: target.cwd } : {}),
    stderr: 'pipe',
  });
  // The SDK's read buffer drops non-JSON stdout lines silently; ours puts each in the trace.
  (transport as unknown as { _readBuffer: StdoutLineReader })._readBuffer = new StdoutLineReader((noise) => reportNoise(noise, bus, redactor));
  // Available before start(): the SDK hands out a PassThrough at once when stderr is 'pipe'.
  const stderr = transport.stderr as Readable | null;
  if (stderr) {
    let pending = '';
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      pending += chunk;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        emitLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      if (pending.length > MAX_LINE_CHARS) {
        // A line too long to wait for: cut it, but never through a secret (the tail may hold
        // the start of one whose end has not arrived yet, so it waits for the next chunk).
        const cut = redactor.safeCut(pending, pending.length - Math.min(pending.length - 1, redactor.maxEncodedLength));
        if (cut > 0) {
          emitLine(pending.slice(0, cut));
          pending = pending.slice(cut);
        }
      }
    });
    stderr.on('end', () => {
      if (pending) emitLine(pending);
      pending = '';
    });
  }
  function emitLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // Redacted before the cut, so a secret is never cut in half and half shown.
    bus.emit({ type: 'stderr', line: redactor.text(line).slice(0, MAX_LINE_CHARS) });
  }
  return transport;
}

/** Connections already told that their server writes non-JSON to stdout (the warning comes once). */
const warnedBuses = new WeakSet<TraceBus>();

/** Each noise line as a `stdout` entry; the first one of a connection also as a lifecycle warning. */
function reportNoise({ line, reason }: StdoutNoise, bus: TraceBus, redactor: Redactor): void {
  const what = reason === 'not-json' ? 'non-JSON' : 'JSON that is not a JSON-RPC message';
  const warning = `The server wrote ${what} to stdout; the MCP stdio transport reserves stdout for JSON-RPC messages (logs belong on stderr)`;
  bus.emit({ type: 'stdout', line: redactor.text(line.slice(0, MAX_LINE_CHARS)), warnings: [warning] });
  if (warnedBuses.has(bus)) return;
  warnedBuses.add(bus);
  bus.emit({ type: 'lifecycle', state: 'warning', text: `The server wrote ${what} to stdout ("${redactor.text(line.slice(0, 80))}"); every such line is in the trace as a stdout entry. The MCP stdio transport reserves stdout for JSON-RPC messages: the server should log to stderr` });
}
