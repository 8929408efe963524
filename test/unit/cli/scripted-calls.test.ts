import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCalls, loadScriptedCalls, type ScriptedCalls } from '../../../main/cli/exercise/scripted-calls';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const dir = mkdtempSync(join(tmpdir(), 'periscope-calls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kindOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isPeriscopeError(error) ? error.info.kind : undefined;
}

describe('scripted calls (--calls, MCP_CONFORMANCE_CONTEXT)', () => {
  it('reads toolCalls from the environment variable verbatim, nulls and odd strings included', async () => {
    const context = { toolCalls: [{ name: 'test_custom_headers', arguments: { region: 'us-west1', verbose: null, tab_val: '\tindented' } }], other: 'ignored' };
    const calls = await loadScriptedCalls({ MCP_CONFORMANCE_CONTEXT: JSON.stringify(context) }, undefined);
    expect([...calls]).toEqual([['test_custom_headers', { region: 'us-west1', verbose: null, tab_val: '\tindented' }]]);
  });

  it('ignores a context without toolCalls, and lets a --calls file win for the same tool', async () => {
    const file = join(dir, 'calls.json');
    writeFileSync(file, JSON.stringify({ toolCalls: [{ name: 'echo', arguments: { message: 'from file' } }, { name: 'add' }] }));
    const env = { MCP_CONFORMANCE_CONTEXT: JSON.stringify({ toolCalls: [{ name: 'echo', arguments: { message: 'from env' } }] }) };
    const calls = await loadScriptedCalls(env, file);
    expect(calls.get('echo')).toEqual({ message: 'from file' });
    expect(calls.get('add')).toEqual({});
    expect((await loadScriptedCalls({ MCP_CONFORMANCE_CONTEXT: '{"clientId":"x"}' }, undefined)).size).toBe(0);
  });

  it('refuses malformed scripts with invalid-input and a missing file with not-found', async () => {
    const calls: ScriptedCalls = new Map();
    for (const bad of ['not json', '[1]', '{"toolCalls": {}}', '{"toolCalls": [{"arguments": {}}]}', '{"toolCalls": [{"name": "x", "arguments": [1]}]}']) {
      expect(await kindOf(Promise.resolve().then(() => addCalls(calls, bad, 'test')))).toBe('invalid-input');
    }
    expect(await kindOf(loadScriptedCalls({}, join(dir, 'missing.json')))).toBe('not-found');
  });

  it('refuses a scripted number JSON cannot carry exactly, in the file and in the environment variable', async () => {
    const text = '{"toolCalls": [{"name": "lookup", "arguments": {"order_id": 7960607143101464577}}]}';
    const file = join(dir, 'big.json');
    writeFileSync(file, text);
    expect(await kindOf(loadScriptedCalls({}, file))).toBe('invalid-input');
    expect(await kindOf(loadScriptedCalls({ MCP_CONFORMANCE_CONTEXT: text }, undefined))).toBe('invalid-input');
    expect(() => addCalls(new Map(), text, '--calls big.json')).toThrow(/--calls big\.json at toolCalls\[0\]\.arguments\.order_id is 7960607143101464577, beyond ±2\^53/);
  });
});

