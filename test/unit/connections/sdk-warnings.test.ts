import { Client } from '@modelcontextprotocol/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exclusionsIn } from '../../../main/core/connections/header-declaration-exclusions';
import { collectSdkWarnings, installSdkWarningFilter } from '../../../main/core/connections/sdk-warnings';

/** What the filter prints: it wraps whatever console.warn is when installed, so it is installed over this recorder. */
const written: unknown[][] = [];
const original = console.warn;
console.warn = (...args: unknown[]) => void written.push(args);
installSdkWarningFilter();
const filtered = console.warn;
afterEach(() => {
  written.length = 0;
  console.warn = filtered;
});
afterAll(() => {
  console.warn = original;
});

describe("the client library's console warnings", () => {
  it('are collected, not printed, while the work runs, also after its awaits', async () => {
    const { value, warnings } = await collectSdkWarnings(async () => {
      console.warn('[mcp-sdk] first');
      await new Promise((resolve) => setTimeout(resolve, 5));
      console.warn('[mcp-sdk] second', 42);
      return 'done';
    });
    expect(value).toBe('done');
    expect(warnings).toEqual(['first', 'second 42']);
    expect(written).toEqual([]);
  });

  it('go to the collector of the work that made them, when two run at once', async () => {
    const run = (name: string, delay: number) =>
      collectSdkWarnings(async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        console.warn(`[mcp-sdk] from ${name}`);
      });
    const [a, b] = await Promise.all([run('a', 10), run('b', 1)]);
    expect(a.warnings).toEqual(['from a']);
    expect(b.warnings).toEqual(['from b']);
  });

  it('outside collection are printed with control and bidi characters escaped; other warnings pass untouched', () => {
    console.warn("[mcp-sdk] excluding tool 'x\u001b[2J\u202e' from tools/list");
    console.warn('not ours \u001b[1m', { a: 1 });
    expect(written).toEqual([["[mcp-sdk] excluding tool 'x\\u001b[2J\\u202e' from tools/list"], ['not ours \u001b[1m', { a: 1 }]]);
  });

  it('installing twice wraps once', () => {
    installSdkWarningFilter();
    expect(console.warn).toBe(filtered);
  });
});

describe('tools the library leaves out for their x-mcp-header declarations', () => {
  it('are read from its warnings (client 2.4 words), each once; any other warning is printed as usual, escaped', () => {
    const excluded = exclusionsIn([
      "excluding tool 'a' from tools/list: invalid x-mcp-header declaration \u2014 n: x-mcp-header is only permitted on primitive-typed properties (string, integer, boolean); got number",
      "excluding tool 'it's' from tools/list: invalid x-mcp-header declaration \u2014 s: x-mcp-header 'a — b' is not a valid RFC 9110 token",
      "excluding tool 'a' from tools/list: invalid x-mcp-header declaration \u2014 n: x-mcp-header is only permitted on primitive-typed properties (string, integer, boolean); got number",
      'OAuth "invalid_grant" — re-authorizing. Cause: "expired"',
    ]);
    expect(excluded).toEqual([
      { name: 'a', problems: ['invalid x-mcp-header declaration: n: x-mcp-header is only permitted on primitive-typed properties (string, integer, boolean); got number'] },
      { name: "it's", problems: ["invalid x-mcp-header declaration: s: x-mcp-header 'a — b' is not a valid RFC 9110 token"] },
    ]);
    expect(written).toEqual([['[mcp-sdk] OAuth "invalid_grant" — re-authorizing. Cause: "expired"']]);
  });

  it("the library still has the exclusion step a list read item by item is put through (a rename fails here first)", () => {
    expect(typeof (Client.prototype as unknown as Record<string, unknown>)._excludeInvalidXMcpHeaderTools).toBe('function');
  });
});
