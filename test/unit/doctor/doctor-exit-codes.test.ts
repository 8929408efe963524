import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCTOR_LAYERS } from '../../../shared/model';
import { DOCTOR_LAYER_EXIT_KINDS, doctorExitTableMarkdown, EXIT_CODES } from '../../../main/core/diagnostics/exit-codes';

describe('the doctor\'s exit codes', () => {
  it('reuse the error kinds\' codes for every layer, and the README shows the same table', () => {
    expect(Object.keys(DOCTOR_LAYER_EXIT_KINDS)).toEqual([...DOCTOR_LAYERS]);
    for (const kinds of Object.values(DOCTOR_LAYER_EXIT_KINDS)) for (const kind of kinds) expect(EXIT_CODES[kind]).toBeGreaterThanOrEqual(10);
    expect(doctorExitTableMarkdown()).toContain('| `tcp` | 21 (`refused`), 23 (`timeout`) |');
    expect(readFileSync('README.md', 'utf8')).toContain(doctorExitTableMarkdown());
  });
});
