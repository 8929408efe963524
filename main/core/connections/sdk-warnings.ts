import { AsyncLocalStorage } from 'node:async_hooks';
import { revealInvisible } from '../../../shared/text/reveal-invisible';

/**
 * The MCP client library reports some things only as `console.warn("[mcp-sdk] …")`: a tool it
 * leaves out of `tools/list` for an invalid `x-mcp-header` declaration (SEP-2243), OAuth storage
 * and refresh problems. Printed as they are, they bypass Periscope's own reporting (the app never
 * shows them) and put a server's text on the terminal raw: a tool name with an escape sequence
 * could repaint it.
 *
 * So the library's warnings are taken here. Inside `collectSdkWarnings`, each one made while the
 * given work runs (followed through its awaits, by AsyncLocalStorage) is collected for the caller
 * to report in its own words, and not printed. Any other is printed with its control and bidi
 * characters escaped. Other code's warnings pass untouched.
 */

const SDK_PREFIX = '[mcp-sdk]';
const collectors = new AsyncLocalStorage<string[]>();
let installed = false;
/** console.warn as it was before the filter. */
let printRaw: (...args: unknown[]) => void = console.warn.bind(console);

/**
 * Runs `work`, collecting the library's warnings made on its way (their text without the
 * `[mcp-sdk]` prefix, in order). Resolves or rejects as `work` does.
 */
export async function collectSdkWarnings<T>(work: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  installSdkWarningFilter();
  const warnings: string[] = [];
  const value = await collectors.run(warnings, work);
  return { value, warnings };
}

/** Idempotent: wraps console.warn once for the process. */
export function installSdkWarningFilter(): void {
  if (installed) return;
  installed = true;
  printRaw = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first !== 'string' || !first.startsWith(SDK_PREFIX)) return printRaw(...args);
    const text = args.map(String).join(' ');
    const collector = collectors.getStore();
    if (collector) collector.push(text.slice(SDK_PREFIX.length).trim());
    else printSdkWarning(text.slice(SDK_PREFIX.length).trim());
  };
}

/** A collected warning the caller has no words of its own for: printed as any other, escaped. */
export function printSdkWarning(text: string): void {
  printRaw(revealInvisible(`${SDK_PREFIX} ${text}`));
}
