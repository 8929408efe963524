import { terminalSafe } from '../../../../main/cli/terminal-safe';

/** The hand-rolled stdio fixture for the CLI's edge cases (see its header), after `--stdio --`. */
export const EDGE_SERVER = ['--stdio', '--', process.execPath, 'test/fixtures/sdk-servers/cli-edge-stdio.mjs'];

/**
 * The escape sequences (OSC 52 clipboard write, CSI colour, OSC 8 hyperlink), C1 CSI and bidi
 * override the fixture puts in its texts; the same string as its HOSTILE constant.
 */
export const HOSTILE = '\u001b]52;c;aGk=\u0007 \u001b[31mred\u001b[0m \u009b2J \u202eexe.txt \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\';
/** How the CLI shows them: each as its \uXXXX escape. */
export const HOSTILE_SHOWN = terminalSafe(HOSTILE);
