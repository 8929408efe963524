import type { Command } from 'commander';
import { EXIT_CODE_TABLE, EXIT_SUCCESS, EXIT_USAGE } from '../../core/diagnostics/exit-codes';
import { UsageError, type CommandContext } from '../command-context';

/** Help topics that are not commands; `periscope help <topic>`. */
const TOPICS: Record<string, { summary: string; lines: () => string[] }> = {
  'exit-codes': { summary: 'what each exit code means (one per error kind)', lines: exitCodeLines },
};

/**
 * `periscope help [command|topic]`: commander's help for a command, or a topic page. Replaces
 * commander's built-in help command so topics such as exit-codes fit in the same place.
 */
export function registerHelpCommand(program: Command, cctx: CommandContext): void {
  program.helpCommand(false);
  program.addHelpText('after', () => `\nHelp topics:\n${Object.entries(TOPICS).map(([name, t]) => `  periscope help ${name.padEnd(12)} ${t.summary}`).join('\n')}\n\nExamples:\n  periscope demo\n  periscope tools https://example.com/mcp -H 'Authorization: Bearer $TOKEN'\n  periscope call http://127.0.0.1:3000/mcp add a=2 b=3 --trace\n  periscope tools --stdio -- node server.js\n  periscope exercise http://127.0.0.1:3000/mcp --elicitation accept-defaults\n`);
  program
    .command('help')
    .argument('[command-or-topic]', `a command, or one of: ${Object.keys(TOPICS).join(', ')}`)
    .description('show help for a command or a topic')
    .action((...params: unknown[]) => {
      const subject = params[0] as string | undefined;
      if (!subject) return void program.outputHelp();
      const topic = TOPICS[subject];
      if (topic) {
        if (cctx.out.json && subject === 'exit-codes') return void cctx.out.data(exitCodeData());
        for (const line of topic.lines()) cctx.out.line(line);
        return;
      }
      const command = program.commands.find((c) => c.name() === subject || c.aliases().includes(subject));
      if (command) return void command.outputHelp();
      throw new UsageError(`no command or help topic called "${subject}".`, `Commands: ${program.commands.map((c) => c.name()).join(', ')}; topics: ${Object.keys(TOPICS).join(', ')}.`);
    });
}

function exitCodeLines(): string[] {
  return [
    'periscope exit codes (scripts can test them; codes are grouped by decade):',
    '',
    `  ${String(EXIT_SUCCESS).padStart(3)}  success`,
    `  ${String(EXIT_USAGE).padStart(3)}  usage error: unknown option, missing argument, bad option value`,
    ...EXIT_CODE_TABLE.map((row) => `  ${String(row.code).padStart(3)}  ${row.kind.padEnd(16)} ${row.description}`),
    '',
    'periscope doctor exits with the code of its first failed layer\'s error kind (periscope doctor --help).',
    'Every error prints "error: <what happened>" and "hint: <what to try>" on stderr;',
    'with --json the same ErrorInfo is printed on stdout as {"error": {kind, message, hint, detail}}.',
  ];
}

function exitCodeData() {
  return [
    { code: EXIT_SUCCESS, kind: null, description: 'success' },
    { code: EXIT_USAGE, kind: null, description: 'usage error' },
    ...EXIT_CODE_TABLE,
  ];
}
