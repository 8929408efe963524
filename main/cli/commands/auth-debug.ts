import type { createInterface as CreateInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { redactorForTarget } from '../../core/capture/redaction';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { authSequenceDiagram } from '../../../shared/text/auth-sequence-diagram';
import { oauthSettings } from '../auth-options';
import { actionCommand, UsageError, type CommandContext } from '../command-context';
import { collect } from '../connection-options';
import { FailedOutcome } from '../error-report';
import { authDebugSummary, formatAuthDebugStep } from '../format/auth-debug-format';
import { resolveTarget } from '../target';

interface AuthDebugCliOptions {
  authorize?: 'browser' | 'print' | 'follow';
  clientId?: string;
  clientSecretStdin?: boolean;
  clientMetadataUrl?: string;
  scope?: string;
  stepByStep?: boolean;
  json?: boolean;
  out?: string;
  dataDir?: string;
  header?: string[];
  ca?: string[];
  insecure?: boolean;
}

/**
 * `periscope auth debug <url|remote>`: the guided auth debugger (main/core/auth-debug). Runs
 * every step of the server's OAuth authorization in turn (or one per Enter with --step-by-step
 * on a terminal), printing each step's exchanges, the spec's expectation and the findings, then
 * the sequence diagram. --json prints the whole run; --out writes it to a file (secrets masked).
 * Exit 0 when no step failed, 31 (`auth`) when one did. No connection and no stored token is used.
 */
export function registerAuthCommands(program: Command, cctx: CommandContext): void {
  const auth = program.command('auth').description('authorization tools: the guided auth debugger');
  auth
    .command('debug')
    .argument('[target]', 'the MCP server: its URL (http:// or https://) or a saved remote\'s name')
    .usage('[options] <url|remote>')
    .description('walk through the server\'s OAuth authorization one step at a time and say what is wrong')
    .addOption(new Option('--authorize <how>', 'how the authorization URL is opened: browser (system browser), print (print it and wait), follow (fetch it and follow its redirects; for servers that approve without a login page). Default: browser on a terminal, else print').choices(['browser', 'print', 'follow']))
    .option('--client-id <id>', 'a pre-registered client id (otherwise --client-metadata-url, then dynamic registration)')
    .option('--client-secret-stdin', 'read the client secret from stdin (never from the command line)')
    .option('--client-metadata-url <url>', 'HTTPS URL of this client\'s metadata document, used as client_id where the server supports it (CIMD)')
    .option('--scope <scopes>', 'space-separated scopes to ask for (default: what the server\'s challenge or metadata names)')
    .option('--step-by-step', 'on a terminal, wait for Enter before each step')
    .option('--out <file>', 'write the whole run (every request and response, masked) to <file> as JSON')
    .option('-H, --header <header>', 'extra header "Name: value" for the MCP server (repeatable; a saved remote\'s headers are sent too; Authorization is not: the run gets one)', collect)
    .option('--ca <file>', 'extra CA certificate file in PEM format (repeatable), for the MCP and authorization servers', collect)
    .option('--insecure', 'accept invalid TLS certificates (reported as a warning)')
    .option('--data-dir <dir>', 'folder of saved remotes (default: $PERISCOPE_DATA_DIR or the per-user config folder)')
    .option('--json', 'machine-readable output: the whole run')
    .action(async (...params: unknown[]) => {
      const cmd = actionCommand(params);
      const options = cmd.opts<AuthDebugCliOptions>();
      const [arg, ...extra] = cmd.args;
      if (!arg) throw new UsageError('missing server: `periscope auth debug` needs a URL or a saved remote\'s name.', 'Write e.g. `periscope auth debug https://mcp.example.com/mcp`.');
      if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}".`, 'Give one server.');
      const interactive = Boolean((cctx.stdin as { isTTY?: boolean }).isTTY);
      if (options.stepByStep && options.clientSecretStdin && interactive) {
        throw new PeriscopeError({ kind: 'invalid-input', message: '--step-by-step waits for Enter on stdin, and --client-secret-stdin reads the secret from it.', hint: 'Pipe the secret in without --step-by-step, or use a public client.' });
      }
      const { target, label } = await resolveTarget(
        arg,
        { transport: 'auto', header: options.header ?? [], ca: options.ca ?? [], env: [], ...(options.insecure ? { insecure: true } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) },
        cctx,
      );
      if (!target.url || target.transport === 'stdio' || target.transport === 'websocket') {
        throw new PeriscopeError({ kind: 'invalid-input', message: `${label} is not an HTTP server: OAuth applies to Streamable HTTP and SSE servers only.`, hint: 'Give the server\'s http:// or https:// URL.' });
      }
      const settings = await oauthSettings(options, cctx);
      const redactor = redactorForTarget(target);
      if (settings.clientSecret) redactor.addSecretValue(settings.clientSecret);
      cctx.out.addMasker(redactor);
      // The debugger's modules load only for this command, not at every start of the CLI.
      const { AuthDebugger } = await import('../../core/auth-debug/auth-debugger');
      const { writeAuthDebugRun } = await import('../../core/auth-debug/run-file');
      const { createTlsSetup } = await import('../../core/connections/tls-dispatcher');
      // The saved remote's (and -H/--ca/--insecure's) headers and TLS settings, as a connection has them.
      const tls = await createTlsSetup(target.tls);
      for (const warning of tls.warnings) cctx.out.note(`warning: ${warning}`);
      const debug = new AuthDebugger({
        serverUrl: target.url,
        fetch: tls.fetch,
        ...(target.headers?.length ? { headers: target.headers } : {}),
        authorize: settings.authorize,
        redactor,
        note: (line) => cctx.out.note(line),
        ...(settings.clientId ? { clientId: settings.clientId } : {}),
        ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
        ...(settings.clientMetadataUrl ? { clientMetadataUrl: settings.clientMetadataUrl } : {}),
        ...(settings.scope ? { scope: settings.scope } : {}),
      });
      const stop = cctx.onInterrupt(() => void debug.close());
      const enter = options.stepByStep && interactive ? enterPresses(cctx, (await import('node:readline')).createInterface) : undefined;
      try {
        cctx.out.line(`Auth debugger: ${redactor.url(target.url, { learn: false })}`);
        cctx.out.line();
        let index = 0;
        while (!debug.done) {
          if (enter && index > 0) await enter.next(`Enter: step ${index + 1} (${debug.nextStep})...`);
          const result = await debug.next();
          for (const line of formatAuthDebugStep(result, index++)) cctx.out.line(line);
          cctx.out.line();
        }
      } finally {
        stop();
        enter?.close();
        await debug.close();
        await tls.close();
      }
      const run = debug.run;
      cctx.out.line('Sequence:');
      cctx.out.line(authSequenceDiagram(run.steps));
      cctx.out.line();
      cctx.out.line(authDebugSummary(run));
      if (options.out) {
        await writeAuthDebugRun(options.out, run, redactor).catch((error: unknown) => {
          throw new PeriscopeError({ kind: 'storage', message: `Cannot write ${options.out}: ${(error as Error).message}`, hint: 'Check the folder exists and is writable.' });
        });
        cctx.out.note(`wrote the run to ${options.out}`);
      }
      cctx.out.data(run);
      if (run.verdict === 'fail') {
        const failed = run.steps.find((s) => s.verdict === 'fail')!;
        const first = failed.findings.find((f) => f.verdict === 'fail');
        throw new FailedOutcome({ kind: 'auth', message: `The authorization fails at "${failed.title}": ${first?.message ?? 'see above'}`, hint: 'Read the step\'s findings above against what the spec expects; --out FILE keeps the whole run.' });
      }
    });
}

/**
 * Enter presses on stdin, one line reader for the whole run (lines typed ahead are kept, so a
 * pasted run of Enters is not lost between steps). After stdin ends, every wait returns at once.
 */
function enterPresses(cctx: CommandContext, createInterface: typeof CreateInterface): { next(prompt: string): Promise<void>; close(): void } {
  const rl = createInterface({ input: cctx.stdin, terminal: false });
  let pressed = 0;
  let ended = false;
  let waiter: (() => void) | undefined;
  rl.on('line', () => {
    pressed++;
    waiter?.();
  });
  rl.on('close', () => {
    ended = true;
    waiter?.();
  });
  return {
    async next(prompt) {
      cctx.stderr.write(`${prompt}\n`);
      while (pressed === 0 && !ended) await new Promise<void>((resolve) => (waiter = resolve));
      waiter = undefined;
      if (pressed > 0) pressed--;
    },
    close: () => rl.close(),
  };
}
