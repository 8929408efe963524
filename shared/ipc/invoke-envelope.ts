import * as z from 'zod';
import { ErrorInfo } from '../model/error-info';

/** Every invoke settles with this envelope, so errors cross the bridge as data. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const InvokeEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorInfo }),
]);
