import type { Readable } from 'node:stream';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import type { ConnectionTarget } from '../../../shared/model/connection';
import type { Redactor } from '../capture/redaction';
import type { TraceBus } from '../capture/trace-bus';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { FIX } from '../diagnostics/fixes';
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
        emitLine(pending);
        pending = '';
      }
    });
    stderr.on('end', () => {
      if (pending) emitLine(pending);
      pending = '';
    });
  }
  function emitLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    bus.emit({ type: 'stderr', line: redactor.text(line.slice(0, MAX_LINE_CHARS)) });
  }
  return transport;
}
