import { periscopeError } from '../diagnostics/periscope-error';
import type { FaultOptions } from './playground-options';

/** The syntax the CLI documents; kept next to the parser so they cannot drift apart. */
export const FAULT_FLAG_SYNTAX =
  'latency=<ms>, first-byte-delay=<ms>, drop-stream, malformed-json (comma-separated or repeated)';

/**
 * Parses `--fault` values such as `latency=200,drop-stream,malformed-json,first-byte-delay=500`.
 * Each list item may itself hold several comma-separated flags, so a repeatable CLI option and a
 * single comma list both work. Throws PeriscopeError 'invalid-input' naming the bad flag.
 */
export function parseFaultFlags(list: string[]): FaultOptions {
  const faults: FaultOptions = {};
  const flags = list
    .flatMap((item) => item.split(','))
    .map((flag) => flag.trim())
    .filter((flag) => flag.length > 0);
  for (const flag of flags) {
    const [rawName, rawValue] = splitOnce(flag);
    const name = rawName.toLowerCase();
    switch (name) {
      case 'latency':
        faults.latencyMs = milliseconds(flag, rawValue);
        break;
      case 'first-byte-delay':
        faults.firstByteDelayMs = milliseconds(flag, rawValue);
        break;
      case 'drop-stream':
        faults.dropStream = onOff(flag, rawValue);
        break;
      case 'malformed-json':
        faults.malformedJson = onOff(flag, rawValue);
        break;
      default:
        throw periscopeError('invalid-input', `Unknown fault "${flag}".`, `Use one of: ${FAULT_FLAG_SYNTAX}.`);
    }
  }
  return faults;
}

function splitOnce(flag: string): [string, string | undefined] {
  const at = flag.indexOf('=');
  return at < 0 ? [flag, undefined] : [flag.slice(0, at).trim(), flag.slice(at + 1).trim()];
}

function milliseconds(flag: string, value: string | undefined): number {
  const ms = value === undefined || value === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw periscopeError(
      'invalid-input',
      `Fault "${flag}" needs a whole number of milliseconds between 0 and 600000.`,
      `Write it like latency=200 (${FAULT_FLAG_SYNTAX}).`,
    );
  }
  return ms;
}

function onOff(flag: string, value: string | undefined): boolean {
  if (value === undefined || ['true', 'on', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', 'off', '0', 'no'].includes(value.toLowerCase())) return false;
  throw periscopeError('invalid-input', `Fault "${flag}" takes no value (or on/off).`, `Write it like drop-stream (${FAULT_FLAG_SYNTAX}).`);
}
