import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const RAW_IMPORT = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
const RAW_PROPERTY = "import electron from 'electron';\nelectron.ipcRenderer.invoke('x');\n";

// The lint rule of ARCHITECTURE.md rule 1, checked on snippets placed at real paths.
// Each case runs ESLint with the project's config: seconds of work, more on a busy machine.
describe('raw IPC lint rule', { timeout: 30_000 }, () => {
  it('rejects ipcMain / ipcRenderer in main/app', async () => {
    expect(await ruleIds(RAW_IMPORT, 'main/app/sneaky-ipc.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(RAW_PROPERTY, 'main/app/sneaky-ipc.ts')).toContain('no-restricted-properties');
  });

  it('rejects electron itself in the core, the CLI, shared code and the renderer', async () => {
    for (const path of ['main/core/service/sneaky.ts', 'main/cli/sneaky.ts', 'shared/ipc/sneaky.ts', 'renderer/bridge/sneaky.ts']) {
      expect(await ruleIds(RAW_IMPORT, path), path).toContain('no-restricted-imports');
    }
  });

  it('allows raw IPC where it belongs: main/ipc and main/preload', async () => {
    expect(await ruleIds(RAW_IMPORT, 'main/ipc/bind.ts')).toEqual([]);
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nvoid ipcRenderer.invoke('x');\n", 'main/preload/bridge.ts')).toEqual([]);
  });
});
