import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import { eraTargetFields, overlayEra, parseProtocolVersionOption } from '../../../main/cli/protocol-era-options';
import { resolveTarget, type TargetOptions } from '../../../main/cli/target';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const base: TargetOptions = { transport: 'auto', header: [], ca: [], env: [] };

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('--protocol-era and --protocol-version', () => {
  it('takes a revision date and refuses anything else as a usage error', () => {
    expect(parseProtocolVersionOption(' 2026-07-28 ')).toBe('2026-07-28');
    expect(thrown(() => parseProtocolVersionOption('latest'))).toBeInstanceOf(InvalidArgumentError);
  });

  it('gives no fields when neither is given, so the target stays auto', () => {
    expect(eraTargetFields({})).toEqual({});
    expect(eraTargetFields({ protocolVersion: '2025-06-18' })).toEqual({ protocolVersion: '2025-06-18' });
    expect(eraTargetFields({ protocolEra: 'modern', protocolVersion: '2026-07-28' })).toEqual({ protocolEra: 'modern', protocolVersion: '2026-07-28' });
  });

  it('refuses an era and a version that disagree, saying why', () => {
    const error = thrown(() => eraTargetFields({ protocolEra: 'legacy', protocolVersion: '2026-07-28' }));
    expect(isPeriscopeError(error)).toBe(true);
    if (!isPeriscopeError(error)) return;
    expect(error.info.kind).toBe('invalid-input');
    expect(error.info.message).toContain('--protocol-era legacy and --protocol-version 2026-07-28 disagree');
    expect(error.info.message).toContain('belongs to the modern era');
    expect(error.info.hint).toMatch(/pinned version implies its own era/);
  });

  it('replaces a saved remote\'s era and pinned version as a pair', () => {
    const saved = { transport: 'auto' as const, url: 'http://x/mcp', protocolEra: 'legacy' as const, protocolVersion: '2025-06-18' };
    expect(overlayEra(saved, {})).toBe(saved);
    expect(overlayEra(saved, { protocolEra: 'modern' })).toEqual({ transport: 'auto', url: 'http://x/mcp', protocolEra: 'modern' });
    expect(overlayEra(saved, { protocolVersion: '2025-11-25' })).toEqual({ transport: 'auto', url: 'http://x/mcp', protocolVersion: '2025-11-25' });
  });

  it('puts the era into URL, saved-remote and stdio targets', async () => {
    const url = await resolveTarget('http://127.0.0.1:9/mcp', { ...base, protocolEra: 'legacy', protocolVersion: '2025-06-18' }, {});
    expect(url.target).toMatchObject({ protocolEra: 'legacy', protocolVersion: '2025-06-18' });
    const lookupRemote = async () => ({ target: { transport: 'streamable' as const, url: 'http://127.0.0.1:9/mcp', protocolEra: 'legacy' as const }, label: 'saved' });
    const saved = await resolveTarget('saved', { ...base, protocolEra: 'modern' }, { lookupRemote });
    expect(saved.target).toMatchObject({ protocolEra: 'modern', transport: 'streamable' });
    const keptSaved = await resolveTarget('saved', base, { lookupRemote });
    expect(keptSaved.target.protocolEra).toBe('legacy');
    const stdio = await resolveTarget(undefined, { ...base, stdio: true, stdioCommand: ['node', 's.js'], protocolEra: 'modern' }, {});
    expect(stdio.target).toMatchObject({ transport: 'stdio', command: 'node', protocolEra: 'modern' });
  });

  it('refuses a disagreeing pair before looking up a saved remote', async () => {
    let looked = false;
    const lookupRemote = async () => {
      looked = true;
      return undefined;
    };
    const error = await resolveTarget('saved', { ...base, protocolEra: 'modern', protocolVersion: '2025-11-25' }, { lookupRemote }).catch((e: unknown) => e);
    expect(isPeriscopeError(error) && error.info.kind).toBe('invalid-input');
    expect(looked).toBe(false);
  });
});
