import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Raw Electron IPC stays inside main/ipc and main/preload: everything else goes through the
// typed contract in shared/ipc (ARCHITECTURE.md, rule 1).
const rawIpcBan = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          importNames: ['ipcMain', 'ipcRenderer'],
          message: 'Use the typed contract: raw IPC lives only in main/ipc and main/preload.',
        },
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'electron', property: 'ipcMain', message: 'Raw IPC lives only in main/ipc.' },
    { object: 'electron', property: 'ipcRenderer', message: 'Raw IPC lives only in main/preload.' },
  ],
};

// The core, the CLI and shared code must run without Electron.
const electronBan = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Only main/app, main/ipc and main/preload may import electron.' }] },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...electronBan },
  },
  { files: ['main/core/**/*.ts', 'main/cli/**/*.ts', 'shared/**/*.ts'], rules: electronBan },
  { files: ['main/app/**/*.ts'], rules: rawIpcBan },
);
