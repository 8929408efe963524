import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'PERISCOPE_DATA_DIR';

export interface DataDirInputs {
  /** `--data-dir` from the command line; wins over everything. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Where the CLI keeps remotes.json. The app passes Electron's user-data folder instead; these
 * defaults match it on each OS (productName "MCP Periscope") except on Linux, where the XDG
 * config folder is the usual home of a command-line tool's settings.
 */
export function resolveDataDir(inputs: DataDirInputs = {}): string {
  const env = inputs.env ?? process.env;
  if (inputs.flag && inputs.flag.trim() !== '') return inputs.flag;
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  return defaultDataDir(inputs.platform ?? process.platform, env, inputs.home ?? homedir());
}

export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'MCP Periscope');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'MCP Periscope');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'mcp-periscope');
}
