import packageJson from '../../package.json';

/** The CLI reports the package's own version (bundled in at build time). */
export const CLI_VERSION: string = packageJson.version;
export const CLIENT_INFO = { name: 'mcp-periscope-cli', version: CLI_VERSION };
