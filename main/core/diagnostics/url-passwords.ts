import { maskUrlPasswords } from '../../../shared/model/url-userinfo';
import { redactValue } from '../capture/redact-value';

/**
 * A copy of an error (or any JSON-like value) with the password of every URL in its strings
 * masked: the last net before an error leaves the engine (the CLI's error report, the window's
 * invoke envelope). A URL typed with `user:password@` is refused before its password is learned
 * as a secret, so the connection's redactor may never have seen it. The same value when clean.
 */
export function withoutUrlPasswords<T>(value: T): T {
  return redactValue(value, maskUrlPasswords);
}
