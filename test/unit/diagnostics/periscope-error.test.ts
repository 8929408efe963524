import { describe, expect, it } from 'vitest';
import { isPeriscopeError, PeriscopeError, periscopeError } from '../../../main/core/diagnostics/periscope-error';

describe('PeriscopeError', () => {
  it('carries its ErrorInfo as message, kind and JSON', () => {
    const error = new PeriscopeError({ kind: 'refused', message: 'Connection refused by 127.0.0.1:1', hint: 'is it running?' });
    expect(error.message).toBe('Connection refused by 127.0.0.1:1');
    expect(error.kind).toBe('refused');
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.info);
    expect(String(error)).toBe('PeriscopeError: Connection refused by 127.0.0.1:1');
  });

  it('is recognised by instance and by shape, and nothing else is', () => {
    const error = periscopeError('dns', 'no such host', 'check spelling', { host: 'x.invalid' }, new Error('inner'));
    expect(isPeriscopeError(error)).toBe(true);
    expect(error.info.detail).toEqual({ host: 'x.invalid' });
    expect(error.cause).toBeInstanceOf(Error);
    // A copy from a second module instance (bundles, workers) is still recognised.
    expect(isPeriscopeError({ name: 'PeriscopeError', info: { kind: 'tls', message: 'm', hint: 'h' } })).toBe(true);
    expect(isPeriscopeError(new Error('plain'))).toBe(false);
    expect(isPeriscopeError({ name: 'PeriscopeError', info: { kind: 'tls' } })).toBe(false);
    expect(isPeriscopeError(null)).toBe(false);
  });
});
