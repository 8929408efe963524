import { describe, expect, it } from 'vitest';
import { ErrorKind } from '../../../shared/model/error-info';
import { EXIT_CODE_TABLE, EXIT_CODES, EXIT_SUCCESS, EXIT_USAGE, exitCodeFor, exitCodeTableMarkdown } from '../../../main/core/diagnostics/exit-codes';

describe('exit codes', () => {
  it('gives every error kind its own code, distinct from success and usage errors', () => {
    const codes = ErrorKind.options.map((kind) => exitCodeFor(kind));
    expect(new Set(codes).size).toBe(ErrorKind.options.length);
    expect(codes).not.toContain(EXIT_SUCCESS);
    expect(codes).not.toContain(EXIT_USAGE);
    for (const code of codes) expect(code).toBeLessThan(126); // 126+ mean "not executable"/signals to shells
  });

  it('documents each kind exactly once', () => {
    expect(EXIT_CODE_TABLE.map((row) => row.kind).sort()).toEqual([...ErrorKind.options].sort());
    for (const row of EXIT_CODE_TABLE) expect(row.description.length).toBeGreaterThan(10);
    expect(EXIT_CODES.refused).toBe(21);
  });

  it('renders a Markdown table for the README', () => {
    const markdown = exitCodeTableMarkdown();
    expect(markdown).toContain('| 0 | | success |');
    expect(markdown).toContain('| 22 | `tls` |');
    expect(markdown.split('\n')).toHaveLength(ErrorKind.options.length + 4);
  });
});
