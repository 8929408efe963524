import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { resolveDataDir } from '../../core/remotes/data-dir';
import { RemoteService } from '../../core/remotes/remote-service';
import { serializeExport } from '../../core/remotes/remote-export';
import { importFileText } from '../../core/remotes/remote-import';
import { writeExportFile } from '../../core/remotes/export-file';
import { fileError } from '../../core/service/service-errors';
import { describeCommandReview, reviewCommand } from '../../../shared/model';
import { KeytarVault } from '../../core/secrets/keytar-vault';
import type { SecretVault } from '../../core/secrets/secret-vault';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { parseProtocolVersionOption } from '../protocol-era-options';
import { terminalSafe } from '../terminal-safe';
import { buildAddDraft, buildEditDraft, type RemoteCliOptions } from './remotes-draft';
import { formatImportReport, formatRemoteDetail, formatRemoteTable } from './remotes-format';
import { readSecretValues, type SecretInput } from './remotes-secret-input';
import { collect } from '../connection-options';

/** Where the command reads and writes; tests hand in their own streams and vault. */
export interface RemotesCommandIo {
  stdin?: SecretInput;
  stdout?: Writable;
  stderr?: Writable;
  env?: NodeJS.ProcessEnv;
  vault?: SecretVault;
  /** A data folder chosen by the caller; a command's own --data-dir still wins. */
  dataDir?: string;
}

interface CommonOptions {
  dataDir?: string;
  json?: boolean;
}


/**
 * `periscope remotes list | show | add | edit | remove | import | export`. The second argument
 * is the CLI's shared context; only its optional streams are read, so the group works with any.
 */
export function registerRemotesCommand(program: Command, ctx: RemotesCommandIo = {}, io: RemotesCommandIo = {}): Command {
  const stdout = io.stdout ?? ctx.stdout ?? process.stdout;
  const stderr = io.stderr ?? ctx.stderr ?? process.stderr;
  const stdin = io.stdin ?? ctx.stdin ?? process.stdin;
  const env = io.env ?? ctx.env ?? process.env;
  // Remote names, URLs and commands may come from an imported file: terminal-safe, like all output.
  const out = (text: string) => stdout.write(terminalSafe(text));
  const warn = (text: string) => stderr.write(terminalSafe(`warning: ${text}\n`));

  const openService = (cmd: Command) => {
    const opts = cmd.optsWithGlobals() as CommonOptions;
    return new RemoteService({
      dataDir: resolveDataDir({ flag: opts.dataDir ?? io.dataDir ?? ctx.dataDir, env }),
      vault: io.vault ?? ctx.vault ?? new KeytarVault(),
      onNotice: (notice) => warn(notice.message),
    });
  };
  const json = (cmd: Command) => Boolean((cmd.optsWithGlobals() as CommonOptions).json);
  const common = (cmd: Command) =>
    cmd
      .option('--data-dir <dir>', 'folder holding remotes.json (default: $PERISCOPE_DATA_DIR or the per-user config folder)')
      .option('--json', 'machine-readable output');

  const remotes = program.command('remotes').description('saved remote MCP servers (secret header and stdio env values live in the system keychain)');

  common(remotes.command('list').alias('ls').description('list saved remotes')).action(async (_opts, cmd: Command) => {
    const list = await openService(cmd).list();
    out(json(cmd) ? `${JSON.stringify(list, null, 2)}\n` : formatRemoteTable(list));
  });

  common(remotes.command('show <name>').description('show one saved remote (secret values are never shown)')).action(async (name: string, _opts, cmd: Command) => {
    const remote = await openService(cmd).get(name);
    if (!remote) throw notFound(name);
    out(json(cmd) ? `${JSON.stringify(remote, null, 2)}\n` : formatRemoteDetail(remote));
  });

  const withRemoteOptions = (cmd: Command) =>
    common(cmd)
      .addOption(new Option('--transport <kind>', 'transport').choices(['auto', 'streamable', 'sse', 'websocket', 'stdio']))
      .option('--header <header>', 'a non-secret header, "Name: value" (repeatable)', collect, [])
      .option('--secret <name>', 'a secret header; its value is prompted for, or read from stdin with --secret-stdin (repeatable)', collect, [])
      .option('--secret-stdin', 'read the --secret values from standard input, one line each, in order')
      .option('--command <cmd>', 'command to run (stdio transport)')
      .option('--arg <arg>', 'argument for --command (repeatable)', collect, [])
      .option('--env <KEY=value>', 'environment variable for --command (repeatable); credential-looking names need --secret-env', collect, [])
      .option('--secret-env <NAME>', 'a secret environment variable for --command (API_KEY, *_TOKEN...): kept in the keychain, its value prompted for or read with --secret-stdin after the --secret values (repeatable)', collect, [])
      .option('--cwd <dir>', 'working folder for --command')
      .option('--ca-file <path>', 'extra CA certificate file (repeatable)', collect, [])
      .option('--instance <url>', 'another instance of the same server (a group; repeatable; on edit, replaces the list)', collect, [])
      .option('--no-instances', 'edit: remove the other instances (the remote is no longer a group)')
      .option('--insecure', 'accept invalid TLS certificates for this remote')
      .option('--connect-timeout <ms>', 'connect timeout in milliseconds')
      .option('--request-timeout <ms>', 'request timeout in milliseconds')
      .option('--max-message-mb <n>', 'largest message accepted from the server (an HTTP body, an event stream event, a WebSocket message), in MB (default 100, at most 512)')
      .addOption(new Option('--protocol-era <era>', 'MCP protocol era to speak (auto probes with server/discover); with --protocol-version, replaces the saved pair').choices(['auto', 'modern', 'legacy']))
      .addOption(new Option('--protocol-version <rev>', 'pin a protocol revision, e.g. 2026-07-28 or 2025-11-25 (implies its era)').argParser(parseProtocolVersionOption))
      .option('--notes <text>', 'free-form notes');

  /** --secret header values, then --secret-env values: one prompt each, or one stdin line each in that order. */
  const readAllSecrets = async (o: RemoteCliOptions) => {
    const envNames = o.secretEnv.map((n) => `env:${n}`);
    const values = await readSecretValues([...o.secret, ...envNames], { fromStdin: Boolean(o.secretStdin), stdin, stderr });
    const headers = new Map(o.secret.map((n) => [n, values.get(n)!]));
    const env = new Map(o.secretEnv.map((n) => [n, values.get(`env:${n}`)!]));
    return { headers, env };
  };

  const report = (cmd: Command, result: { remote: { name: string }; warnings: string[] }, verb: string) => {
    for (const w of result.warnings) warn(w);
    out(json(cmd) ? `${JSON.stringify(result, null, 2)}\n` : `${verb} remote "${result.remote.name}".\n`);
  };

  withRemoteOptions(remotes.command('add <name> [url]').description('save a new remote')).action(
    async (name: string, url: string | undefined, opts: RemoteCliOptions, cmd: Command) => {
      const o = withDefaults(opts);
      const { headers, env } = await readAllSecrets(o);
      const result = await openService(cmd).create(buildAddDraft(name, url, o, headers, env));
      report(cmd, result, 'Saved');
    },
  );

  withRemoteOptions(remotes.command('edit <name>').description('change a saved remote'))
    .option('--name <newName>', 'rename the remote')
    .option('--url <url>', 'new URL')
    .option('--remove-header <name>', 'remove a header (and its keychain entry) (repeatable)', collect, [])
    .option('--rename-header <Old=New>', 'rename a header; its keychain entry moves with it (repeatable)', collect, [])
    .option('--clear-secret <name>', 'delete the stored value of a secret header (repeatable)', collect, [])
    .option('--remove-env <NAME>', 'remove an environment variable (a secret one from the keychain too) (repeatable)', collect, [])
    .action(async (name: string, opts: RemoteCliOptions, cmd: Command) => {
      const service = openService(cmd);
      const current = await service.store.require(name);
      const o = withDefaults(opts);
      const { headers, env } = await readAllSecrets(o);
      const result = await service.update(current.id, buildEditDraft(current, o, headers, env));
      report(cmd, result, 'Updated');
    });

  common(remotes.command('remove <name>').alias('rm').description('delete a saved remote and its keychain entries')).action(
    async (name: string, _opts, cmd: Command) => {
      const removed = await openService(cmd).remove(name);
      out(json(cmd) ? `${JSON.stringify({ removed: removed.id, name: removed.name })}\n` : `Removed remote "${removed.name}".\n`);
    },
  );

  common(remotes.command('confirm <name>').description('let a stdio remote imported from a file run its command (shows the command, its arguments and env names; asked once)')).action(
    async (name: string, _opts, cmd: Command) => {
      const service = openService(cmd);
      const current = await service.store.require(name);
      const review = reviewCommand(current);
      if (current.transport !== 'stdio') return void out(json(cmd) ? `${JSON.stringify({ name: current.name, confirmed: false, reason: 'runs no command' })}\n` : `Remote "${current.name}" runs no command; nothing to confirm.\n`);
      const was = current.commandNeedsConfirmation;
      await service.confirmCommand(current.id);
      if (json(cmd)) return void out(`${JSON.stringify({ name: current.name, confirmed: true, neededConfirmation: was, ...review }, null, 2)}\n`);
      const lines = describeCommandReview(review).map((l) => `  ${l}`);
      out(`${[was ? `Confirmed the command of remote "${current.name}"; it runs when you connect:` : `Remote "${current.name}" needed no confirmation:`, ...lines].join('\n')}\n`);
    },
  );

  common(remotes.command('import <file>').description('import remotes from a remote configuration file or an MCP client config ("mcpServers"); "-" reads stdin. Each command (stdio) is listed and runs only once you confirm it'))
    .action(async (file: string, _opts, cmd: Command) => {
      const text = file === '-' ? await readStream(stdin) : await readImportFile(file);
      const result = await openService(cmd).importText(text);
      out(json(cmd) ? `${JSON.stringify(result, null, 2)}\n` : formatImportReport(result));
    });

  common(remotes.command('export [names...]').description('export remotes (all, or the ones named) in the remote configuration format, to standard output or to a file with --out FILE (secret values left empty); an unknown name exits 12'))
    .option('--include-secrets', 'put secret values from the keychain into the export (handle the file with care)')
    .option('--out <file>', 'write to FILE instead of standard output (readable by you only with --include-secrets)')
    .addHelpText('after', '\nExamples:\n  periscope remotes export --out remotes.json            every remote, into remotes.json\n  periscope remotes export staging-api --out one.json    one remote\n  periscope remotes export staging-api > one.json        the same, through the shell\n')
    .action(async (names: string[], opts: { includeSecrets?: boolean; out?: string }, cmd: Command) => {
      const entries = await openService(cmd).exportRemotes({ includeSecrets: opts.includeSecrets, ids: names.length > 0 ? names : undefined });
      const text = serializeExport(entries);
      if (opts.includeSecrets) warn('this export contains secret values in plain text; share it with care.');
      if (!opts.out) return void out(text);
      try {
        // An export with secrets is readable by its owner only.
        await writeExportFile(opts.out, text, Boolean(opts.includeSecrets));
      } catch (error) {
        throw fileError('write', opts.out, error);
      }
      stderr.write(terminalSafe(`Exported ${entries.length} remote(s) to ${opts.out}.\n`));
    });

  return remotes;
}

function withDefaults(o: Partial<RemoteCliOptions>): RemoteCliOptions {
  return { header: [], secret: [], secretEnv: [], removeEnv: [], removeHeader: [], renameHeader: [], clearSecret: [], arg: [], env: [], caFile: [], ...o };
}

async function readImportFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    // No such file is not-found; a folder, no permission or a disk error is storage.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError('read', file, error);
    throw new PeriscopeError({ kind: 'not-found', message: `Cannot read ${file}: ${(error as Error).message}`, hint: 'Check the path.' }, { cause: error });
  }
  return importFileText(bytes);
}

async function readStream(stream: SecretInput): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function notFound(name: string): PeriscopeError {
  return new PeriscopeError({ kind: 'not-found', message: `No saved remote is called "${name}".`, hint: 'List saved remotes with `periscope remotes list`.' });
}
