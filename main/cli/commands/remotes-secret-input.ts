import type { Readable, Writable } from 'node:stream';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';

/** A terminal-capable input (process.stdin when it is a TTY). */
export type SecretInput = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * Secret header and env values for the CLI (`env:NAME` names a --secret-env variable). They come
 * from standard input (`--secret-stdin`: one line per value, in order) or from a prompt that does
 * not echo; never from argv, which any user on the machine can read in the process list.
 */
export async function readSecretValues(
  headerNames: string[],
  options: { fromStdin: boolean; stdin: SecretInput; stderr: Writable },
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (headerNames.length === 0) return values;
  if (options.fromStdin) {
    const lines = (await readAll(options.stdin)).split(/\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length < headerNames.length) {
      throw usage(`Standard input had ${lines.length} line(s) but ${headerNames.length} secret value(s) were expected (one line per --secret, in order).`);
    }
    headerNames.forEach((name, i) => values.set(name, requireValue(name, lines[i])));
    return values;
  }
  if (!options.stdin.isTTY || !options.stdin.setRawMode) {
    throw usage('There is no terminal to ask for the secret value.', 'Pipe the value in and add --secret-stdin, e.g. `printenv API_TOKEN | periscope remotes add ... --secret Authorization --secret-stdin`.');
  }
  for (const name of headerNames) values.set(name, requireValue(name, await promptHidden(`Value for ${describe(name)} (input hidden): `, options.stdin, options.stderr)));
  return values;
}

function requireValue(name: string, value: string | undefined): string {
  if (!value) throw usage(`No value was given for secret ${describe(name)}.`);
  return value;
}

/** `env:NAME` stands for a --secret-env variable, anything else for a --secret header. */
function describe(name: string): string {
  return name.startsWith('env:') ? `environment variable "${name.slice(4)}"` : `header "${name}"`;
}

function usage(message: string, hint = 'Give each --secret header a value on its own line of standard input (--secret-stdin), or run in a terminal to be prompted.'): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint });
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(question: string, stdin: SecretInput, stderr: Writable): Promise<string> {
  stderr.write(question);
  stdin.setRawMode!(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(() => resolve(value));
        if (ch === '\u0003') return finish(() => reject(new PeriscopeError({ kind: 'cancelled', message: 'Cancelled at the secret prompt.', hint: 'Nothing was saved.' })));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
