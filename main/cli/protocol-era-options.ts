import { InvalidArgumentError } from 'commander';
import { effectiveEraChoice, ProtocolRevision, type ConnectionTargetInput, type ProtocolEraChoice } from '../../shared/model';
import { PeriscopeError } from '../core/diagnostics/periscope-error';

/**
 * `--protocol-era` and `--protocol-version` as commander hands them over: undefined when not
 * given, so a saved remote's own setting can show through (the documented default is `auto`).
 */
export interface EraOptions {
  protocolEra?: ProtocolEraChoice;
  protocolVersion?: string;
}

/** commander argParser for `--protocol-version`: a revision date (YYYY-MM-DD), trimmed. */
export function parseProtocolVersionOption(value: string): string {
  const parsed = ProtocolRevision.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`"${value}" is not a protocol revision: write a date such as 2026-07-28 or 2025-11-25.`);
  return parsed.data;
}

/**
 * The era fields of a connection target from the command line alone; throws an `invalid-input`
 * error (exit 11, before any network traffic) when a pinned version and the era disagree,
 * e.g. `--protocol-era legacy --protocol-version 2026-07-28`. Nothing given: no fields (auto).
 */
export function eraTargetFields(options: EraOptions): Pick<ConnectionTargetInput, 'protocolEra' | 'protocolVersion'> {
  const fields: Pick<ConnectionTargetInput, 'protocolEra' | 'protocolVersion'> = {};
  if (options.protocolEra) fields.protocolEra = options.protocolEra;
  if (options.protocolVersion) fields.protocolVersion = options.protocolVersion;
  checkAgreement(fields.protocolEra ?? 'auto', fields.protocolVersion, 'command line');
  return fields;
}

/**
 * A saved remote's era setting with the command line laid over it. The era and the pinned
 * version go together: give either option and the remote's own pair is not used (the missing
 * one is `auto` / unpinned), so `--protocol-era modern` on a remote pinned to 2025-06-18 means
 * "modern, newest version", not a contradiction.
 */
export function overlayEra(saved: ConnectionTargetInput, options: EraOptions): ConnectionTargetInput {
  if (!options.protocolEra && !options.protocolVersion) return saved;
  const { protocolEra: _era, protocolVersion: _version, ...rest } = saved;
  return { ...rest, ...eraTargetFields(options) };
}

function checkAgreement(era: ProtocolEraChoice, version: string | undefined, where: string): void {
  const effective = effectiveEraChoice(era, version);
  if (!('error' in effective)) return;
  throw new PeriscopeError({
    kind: 'invalid-input',
    message: `--protocol-era ${era} and --protocol-version ${version} disagree on the ${where}: ${effective.error}.`,
    hint: 'Drop --protocol-era (a pinned version implies its own era), or pin a revision of the era you chose.',
  });
}
