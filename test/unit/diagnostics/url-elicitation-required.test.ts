import { describe, expect, it } from 'vitest';
import { classifyJsonRpcError } from '../../../main/core/diagnostics/classify-protocol-error';

describe('-32042 URL elicitation required', () => {
  it('names each page with its host, and says what to do', () => {
    const info = classifyJsonRpcError(-32042, 'This request requires more information.', { elicitations: [{ mode: 'url', elicitationId: 'e1', url: 'https://auth.example.com/connect?x=1', message: 'Sign in' }] }, { phase: 'request' });
    expect(info.kind).toBe('protocol');
    expect(info.hint).toContain('auth.example.com (https://auth.example.com/connect?x=1)');
    expect(info.hint).toContain('open it yourself if you trust it, then send the request again');
    expect(info.detail).toMatchObject({ code: -32042 });
  });

  it('without data still explains the error', () => {
    expect(classifyJsonRpcError(-32042, 'x', undefined, { phase: 'request' }).hint).toContain('(the error data names it)');
  });
});
