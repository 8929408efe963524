import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { WireHeader } from '../../../shared/model/connection';
import { CANARY_SECRETS, pct } from '../../fixtures/canary/canary-echo';
import { findLeaks } from '../../support/secret-leaks';

export const ALL_SECRETS = Object.values(CANARY_SECRETS);

/** The secret headers every HTTP and WebSocket canary run sends. */
export const CANARY_HEADERS: WireHeader[] = [
  { name: 'X-Api-Key', value: CANARY_SECRETS.apiKey, secret: true },
  { name: 'Authorization', value: `Bearer ${CANARY_SECRETS.bearer}` },
];

/** The endpoint with the secret query value the client sends (percent-encoded, as a URL must). */
export function withQuerySecret(url: string): string {
  return `${url}?api_key=${pct(CANARY_SECRETS.query)}`;
}

/** One place where output went: a name for the failure message, and what was there. */
export type Output = [where: string, what: unknown];

/** Fails naming every output that holds any canary secret in any encoding; checks there was output at all. */
export function expectNoLeaks(outputs: Output[]): void {
  const leaks: string[] = [];
  for (const [where, what] of outputs) {
    const text = typeof what === 'string' ? what : JSON.stringify(what) ?? '';
    for (const leak of findLeaks(text, ALL_SECRETS)) leaks.push(`${where}: ${leak}`);
  }
  expect(outputs.length).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
}

/** Every file under `dir` (recursively) as [path, content], file names included as outputs. */
export async function filesAsOutputs(dir: string): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    outputs.push([`file name ${path}`, entry.name]);
    if (entry.isDirectory()) outputs.push(...(await filesAsOutputs(path)));
    else outputs.push([`file ${path}`, await readFile(path, 'utf8')]);
  }
  return outputs;
}
