/**
 * What a person must see before a stdio remote's command runs for the first time when it came
 * from an imported file (an `mcpServers` config from a colleague, a ticket, the web): the command,
 * its arguments, the NAMES of its environment variables (values are secrets or config and stay
 * hidden) and which of those names can make any program load other code. Plain data: the CLI's
 * prompt, the import report and the app's confirmation dialog all show this.
 */

export interface CommandReview {
  command: string;
  args: string[];
  /** Environment variable names only, in the order given. */
  envNames: string[];
  /** The names among envNames that can inject code or change what runs (see DANGEROUS_ENV). */
  dangerousEnv: string[];
  cwd?: string;
}

/**
 * Environment variables that make an interpreter, the dynamic linker or a shell load or run
 * other code, or change which program runs: `NODE_OPTIONS=--require /tmp/x.js` runs x.js inside
 * any Node command. Exact names, plus the prefixes in DANGEROUS_ENV_PREFIXES (macOS's DYLD_*).
 */
export const DANGEROUS_ENV: ReadonlySet<string> = new Set([
  'NODE_OPTIONS',
  'NODE_PATH',
  'NODE_REPL_EXTERNAL_MODULE',
  'ELECTRON_RUN_AS_NODE',
  'LD_PRELOAD',
  'LD_LIBRARY_PATH',
  'LD_AUDIT',
  'GCONV_PATH',
  'PYTHONSTARTUP',
  'PYTHONPATH',
  'PYTHONHOME',
  'PYTHONINSPECT',
  'PERL5OPT',
  'PERL5LIB',
  'RUBYOPT',
  'RUBYLIB',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'CLASSPATH',
  'BASH_ENV',
  'ENV',
  'PROMPT_COMMAND',
  'SHELLOPTS',
  'PS4',
  'PATH',
  'GIT_SSH_COMMAND',
  'NPM_CONFIG_NODE_OPTIONS',
]);
export const DANGEROUS_ENV_PREFIXES: readonly string[] = ['DYLD_', 'LD_'];

/** Is `name` an environment variable that can make the command run other code? Case-insensitive (Windows). */
export function isDangerousEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return DANGEROUS_ENV.has(upper) || DANGEROUS_ENV_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

export function reviewCommand(entry: { command?: string; args?: string[]; env?: Record<string, string>; cwd?: string }): CommandReview {
  const envNames = Object.keys(entry.env ?? {});
  return {
    command: entry.command ?? '',
    args: entry.args ?? [],
    envNames,
    dangerousEnv: envNames.filter(isDangerousEnvName),
    ...(entry.cwd ? { cwd: entry.cwd } : {}),
  };
}

/**
 * The review as lines for a terminal or a dialog:
 *   command: npx -y @acme/mcp-server --port 3000
 *   env: NODE_OPTIONS, API_KEY (values hidden)
 *   warning: NODE_OPTIONS can make the command load and run other code
 */
export function describeCommandReview(review: CommandReview): string[] {
  const lines = [`command: ${commandLineOf(review.command, review.args)}`];
  if (review.cwd) lines.push(`cwd: ${review.cwd}`);
  if (review.envNames.length > 0) lines.push(`env: ${review.envNames.join(', ')} (values hidden)`);
  if (review.dangerousEnv.length > 0) {
    lines.push(`warning: ${review.dangerousEnv.join(', ')} can make the command load and run other code`);
  }
  return lines;
}

/** The command and its arguments as one line; an argument with spaces or quotes is shown JSON-quoted. */
export function commandLineOf(command: string, args: string[]): string {
  return [command, ...args.map(quoteArg)].join(' ');
}

function quoteArg(arg: string): string {
  return arg === '' || /[\s"'\\$`]/.test(arg) ? JSON.stringify(arg) : arg;
}
