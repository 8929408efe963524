import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultDataDir, resolveDataDir } from '../../../main/core/remotes/data-dir';

describe('data folder', () => {
  it('uses the per-OS default', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe(join('/home/ana', '.config', 'mcp-periscope'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(join('/cfg', 'mcp-periscope'));
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe(join('/Users/ana', 'Library', 'Application Support', 'MCP Periscope'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'MCP Periscope'));
  });

  it('--data-dir beats PERISCOPE_DATA_DIR, which beats the default', () => {
    const env = { PERISCOPE_DATA_DIR: '/from-env' };
    expect(resolveDataDir({ flag: '/from-flag', env, platform: 'linux', home: '/h' })).toBe('/from-flag');
    expect(resolveDataDir({ env, platform: 'linux', home: '/h' })).toBe('/from-env');
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/h' })).toBe(join('/h', '.config', 'mcp-periscope'));
  });
});
