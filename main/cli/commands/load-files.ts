import { access, constants, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SavedLoadRun } from '../../../shared/load/load-compare';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import type { LoadPlan } from '../../core/load/load-run';

// The files `periscope load` reads and writes besides its output: an earlier run (--compare) and
// the Artillery scenario (--artillery). Each is checked before connecting where it can be.

/** Writes the run as an Artillery scenario; a file that cannot be written is a `storage` error. */
export async function writeArtillery(
  artillery: typeof import('../../core/load/artillery-scenario'),
  entries: Parameters<typeof import('../../core/load/artillery-scenario').capturedRequests>[0],
  plan: LoadPlan,
  label: string,
  file: string,
): Promise<{ file: string; env: string[] }> {
  const scenario = artillery.artilleryScenario(artillery.capturedRequests(entries, 'tools/call'), plan, label);
  try {
    await writeFile(file, scenario.text, { encoding: 'utf8' });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    throw new PeriscopeError({ kind: 'storage', message: `Could not write the Artillery scenario to ${file} (${code}).`, hint: 'Choose a file in a folder you can write to.' });
  }
  return { file, env: Object.keys(scenario.env) };
}

/**
 * The --artillery file can be written: a file or a new name in an existing, writable folder. Checked
 * before connecting, so a typo in the path does not cost the whole run (and its printed result).
 */
export async function checkWritable(file: string): Promise<void> {
  const refuse = (code: string) =>
    new PeriscopeError({ kind: 'storage', message: `Cannot write the Artillery scenario to ${file} (${code}); nothing was sent.`, hint: 'Choose a file in a folder that exists and that you can write to (--artillery FILE).' });
  const codeOf = (error: unknown) => (error as { code?: string }).code ?? 'unknown';
  try {
    if ((await stat(file)).isDirectory()) throw refuse('EISDIR: it is a folder');
    await access(file, constants.W_OK);
    return;
  } catch (error) {
    if (error instanceof PeriscopeError) throw error;
    if (codeOf(error) !== 'ENOENT') throw refuse(codeOf(error));
  }
  try {
    if (!(await stat(dirname(file))).isDirectory()) throw refuse(`ENOTDIR: ${dirname(file)} is not a folder`);
    await access(dirname(file), constants.W_OK);
  } catch (error) {
    if (error instanceof PeriscopeError) throw error;
    throw refuse(codeOf(error) === 'ENOENT' ? `ENOENT: no folder ${dirname(file)}` : codeOf(error));
  }
}

/** A run saved with --json; anything else is refused (exit 11) before connecting. */
export async function readSavedRun(path: string): Promise<SavedLoadRun> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // A file that cannot be read is a storage failure (exit 52), as anywhere else; its content being wrong is invalid input.
    throw new PeriscopeError({ kind: 'storage', message: `--compare: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, hint: 'Give the file a run was saved to with periscope load ... --json > FILE.' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw invalid(`--compare: ${path} is not JSON; save a run with periscope load ... --json > ${path}.`);
  }
  const saved = SavedLoadRun.safeParse(parsed);
  if (!saved.success) throw invalid(`--compare: ${path} is not a saved load run (it needs count, ok, throughputPerS and latency, as --json writes them).`);
  return saved.data;
}

function invalid(message: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint: 'See periscope load --help.' });
}
