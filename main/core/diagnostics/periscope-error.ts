import type { ErrorInfo, ErrorKind } from '../../../shared/model/error-info';

/**
 * The one error type the engine throws. It carries an ErrorInfo so every layer (CLI, IPC,
 * renderer) can show what happened and what to try without re-parsing message strings.
 */
export class PeriscopeError extends Error {
  override readonly name = 'PeriscopeError';

  constructor(
    readonly info: ErrorInfo,
    options?: { cause?: unknown },
  ) {
    super(info.message, options);
  }

  get kind(): ErrorKind {
    return this.info.kind;
  }

  /** Lets JSON.stringify (IPC, --json output) emit the data instead of `{}`. */
  toJSON(): ErrorInfo {
    return this.info;
  }
}

export function isPeriscopeError(e: unknown): e is PeriscopeError {
  // Duck-typed as well as instanceof: the CLI bundle and tests may load two copies of this module.
  if (e instanceof PeriscopeError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as { name?: unknown; info?: { kind?: unknown; message?: unknown; hint?: unknown } };
  return (
    candidate.name === 'PeriscopeError' &&
    typeof candidate.info?.kind === 'string' &&
    typeof candidate.info.message === 'string' &&
    typeof candidate.info.hint === 'string'
  );
}

/** Shorthand for the common `throw new PeriscopeError({ kind, message, hint })`. */
export function periscopeError(
  kind: ErrorKind,
  message: string,
  hint: string,
  detail?: Record<string, unknown>,
  cause?: unknown,
): PeriscopeError {
  return new PeriscopeError(detail ? { kind, message, hint, detail } : { kind, message, hint }, { cause });
}
