import { describe, expect, it } from 'vitest';
import { buildCurlCommand, shellQuote, variableName } from '../../../renderer/trace/curl';
import { makeHttpEntry } from '../support/make-entries';

describe('buildCurlCommand', () => {
  it('turns redacted headers into shell variables named after the header', () => {
    const entry = makeHttpEntry('c1', 3, undefined, {
      requestHeaders: { authorization: 'Bearer [redacted]', 'X-Api-Key': '[redacted]', accept: 'application/json' },
    });
    const { command, placeholders } = buildCurlCommand(entry);
    expect(placeholders).toEqual(['AUTHORIZATION', 'X_API_KEY']);
    expect(command).toContain(`-H "authorization: Bearer $AUTHORIZATION"`);
    expect(command).toContain(`-H "X-Api-Key: $X_API_KEY"`);
    expect(command).toContain(`-H 'accept: application/json'`);
    expect(command).not.toContain('[redacted]');
    expect(command.split('\n')[0]).toMatch(/^# Set AUTHORIZATION, X_API_KEY first/);
  });

  it('includes method, body and URL, and skips headers curl computes', () => {
    const entry = makeHttpEntry('c1', 3, undefined, {
      requestHeaders: { 'content-length': '40', host: 'api.example.com', 'content-type': 'application/json' },
    });
    const { command, placeholders } = buildCurlCommand(entry);
    expect(placeholders).toEqual([]);
    expect(command).toBe(
      `curl -X POST -H 'content-type: application/json' --data-raw '{"jsonrpc":"2.0","id":1,"method":"ping"}' https://api.example.com/v1/mcp`,
    );
  });

  it('adds -N for event streams and no -X for GET', () => {
    const entry = makeHttpEntry('c1', 3, undefined, {
      method: 'GET',
      requestHeaders: { accept: 'text/event-stream' },
      requestBody: undefined,
    });
    expect(buildCurlCommand(entry).command).toBe(`curl -N -H 'accept: text/event-stream' https://api.example.com/v1/mcp`);
  });

  it('quotes hostile text so the shell reads it literally', () => {
    const entry = makeHttpEntry('c1', 3, undefined, {
      requestHeaders: { 'x-note': `it's "$(rm -rf /)" [redacted]tail` },
      requestBody: `{"q":"it's"}`,
    });
    const { command } = buildCurlCommand(entry);
    // Checked by hand in sh: these words expand to the original text with $X_NOTE substituted.
    expect(command).toContain(`-H "x-note: it's \\"\\$(rm -rf /)\\" \${X_NOTE}tail"`);
    expect(command).toContain(`--data-raw '{"q":"it'\\''s"}'`);
  });
});

describe('shell helpers', () => {
  it('names variables from header names', () => {
    expect(variableName('Authorization')).toBe('AUTHORIZATION');
    expect(variableName('x-api-key')).toBe('X_API_KEY');
    expect(variableName('1password')).toBe('H_1PASSWORD');
  });
  it('leaves plain words bare and single-quotes the rest', () => {
    expect(shellQuote('https://a.example/x')).toBe('https://a.example/x');
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
  });
});
