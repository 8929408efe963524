import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { arch, platform, release } from 'node:os';
import packageJson from '../../../package.json';
import type { BundleVersions } from '../../../shared/model/repro-bundle';

/** The MCP SDK packages Periscope runs on (the client side, its core, the Node transports, the playground's server). */
export const SDK_PACKAGES = ['@modelcontextprotocol/client', '@modelcontextprotocol/core', '@modelcontextprotocol/node', '@modelcontextprotocol/server'];

/**
 * Set by the CLI's bundler (build/build-cli.mjs) from the installed packages: the bundled CLI
 * carries the SDK inside it, with no node_modules to look in.
 */
declare const __PERISCOPE_SDK_VERSIONS__: Record<string, string> | undefined;

/** Periscope's, the installed MCP SDK packages', Node's and the OS's versions, for a repro bundle. */
export function bundleVersions(): BundleVersions {
  return {
    periscope: packageJson.version,
    sdk: installedSdkVersions(),
    node: process.versions.node,
    os: { platform: platform(), release: release(), arch: arch() },
  };
}

/** name → version of each SDK package as installed (not the range package.json asks for); one not found is left out. */
export function installedSdkVersions(): Record<string, string> {
  if (typeof __PERISCOPE_SDK_VERSIONS__ !== 'undefined') return { ...__PERISCOPE_SDK_VERSIONS__ };
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = {};
  for (const name of SDK_PACKAGES) {
    const version = versionOf(require, name);
    if (version) versions[name] = version;
  }
  return versions;
}

/** The package.json above the package's entry point that names it (its exports map hides ./package.json). */
function versionOf(require: NodeJS.Require, name: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return undefined;
  }
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: go up
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
