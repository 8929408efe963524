import { getUnsafeNumberReason, UnsafeNumberReason } from 'lossless-json';
import { PeriscopeError } from './periscope-error';

/** Why a number typed as `digits` cannot be sent exactly, or undefined when it can; `hint` says what to do in the caller's words. */
export function inexactNumber(digits: string, where: string, hint: string): PeriscopeError | undefined {
  const reason = getUnsafeNumberReason(digits);
  if (reason === undefined) return undefined;
  return new PeriscopeError({
    kind: 'invalid-input',
    message: `${where} is ${digits}, ${REASONS[reason](digits)}; Periscope refuses rather than change the number.`,
    hint,
    detail: { value: digits, reason, maxSafeInteger: Number.MAX_SAFE_INTEGER },
  });
}

const REASONS: Record<UnsafeNumberReason, (digits: string) => string> = {
  [UnsafeNumberReason.truncate_integer]: (d) =>
    `beyond ±2^53 − 1 (${Number.MAX_SAFE_INTEGER}), the largest integer a JSON number keeps exactly here: it would be sent as ${BigInt(Number(d))}`,
  [UnsafeNumberReason.truncate_float]: (d) => `more significant digits than a JSON number keeps here (about 17): it would be sent as ${Number(d)}`,
  [UnsafeNumberReason.overflow]: () => 'too large for a JSON number here (beyond about 1.8e308)',
  [UnsafeNumberReason.underflow]: () => 'too small for a JSON number here: it would be sent as 0',
};
