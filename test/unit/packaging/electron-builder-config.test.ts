import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';

const root = resolve(import.meta.dirname, '../../..');
const config = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  directories: { buildResources: string };
  linux: { target: string[]; icon: string };
  mac: { target: string[] };
  win: { target: string[] };
};

let validate: ReturnType<Ajv['compile']>;

// Compiled once, as set-up with room of its own: the schema is large (0.5 s alone, over 5 s once
// on a machine busy with the rest of CI), and each test's own time limit is for its check.
beforeAll(() => {
  const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
  validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
}, 60_000);

function validateWithShippedSchema(candidate: unknown) {
  return { valid: validate(candidate), errors: validate.errors };
}

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema electron-builder ships', () => {
    const { valid, errors } = validateWithShippedSchema(config);
    expect(errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is real: a misspelt option fails it', () => {
    expect(validateWithShippedSchema({ ...config, prodcutName: 'typo' }).valid).toBe(false);
    expect(validateWithShippedSchema({ ...config, linux: { target: 42 } }).valid).toBe(false);
  });

  it('names the app and builds AppImage + deb, dmg and nsis', () => {
    expect(config.appId).toBe('dev.periscope.app');
    expect(config.productName).toBe('MCP Periscope');
    expect(config.directories.buildResources).toBe('build');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packages what the app loads: package.json main, the preload and the renderer', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
  });

  it('ships a real 512x512 RGBA PNG icon in build/', () => {
    const png = readFileSync(resolve(root, config.linux.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6); // RGBA
    const idat = png.indexOf('IDAT');
    const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect(rows.length).toBe(512 * (512 * 4 + 1));
  });
});
