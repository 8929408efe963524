import { describe, expect, it } from 'vitest';
import type { ElicitRequestParams } from '@modelcontextprotocol/client';
import { acceptDefaults, printable } from '../../../main/core/connections/input/elicitation-defaults';

/** The shape the conformance scenario elicitation-sep1034-client-defaults sends (SEP-1034). */
const allDefaults = {
  mode: 'form',
  message: 'Review your settings',
  requestedSchema: {
    type: 'object',
    properties: {
      name: { type: 'string', default: 'John Doe' },
      age: { type: 'integer', default: 30 },
      score: { type: 'number', default: 95.5 },
      status: { type: 'string', enum: ['active', 'inactive'], default: 'active' },
      verified: { type: 'boolean', default: true },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, default: ['a'] },
      nickname: { type: 'string' },
    },
    required: ['name'],
  },
} as unknown as ElicitRequestParams;

describe('acceptDefaults (--elicitation accept-defaults)', () => {
  it('accepts with every declared default and leaves properties without one out', () => {
    expect(acceptDefaults(allDefaults)).toEqual({
      result: { action: 'accept', content: { name: 'John Doe', age: 30, score: 95.5, status: 'active', verified: true, tags: ['a'] } },
    });
  });

  it('keeps falsy defaults (0, false, empty string)', () => {
    const params = {
      message: 'm',
      requestedSchema: { type: 'object', properties: { n: { type: 'integer', default: 0 }, b: { type: 'boolean', default: false }, s: { type: 'string', default: '' } }, required: ['n', 'b', 's'] },
    } as unknown as ElicitRequestParams;
    expect(acceptDefaults(params).result).toEqual({ action: 'accept', content: { n: 0, b: false, s: '' } });
  });

  it('declines when a required property has no default, and says which', () => {
    const params = {
      message: 'Who are you?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' }, colour: { type: 'string', enum: ['red'] } }, required: ['name'] },
    } as unknown as ElicitRequestParams;
    const answer = acceptDefaults(params);
    expect(answer.result).toEqual({ action: 'decline' });
    expect(answer.note).toBe('--elicitation accept-defaults declined "Who are you?": required field "name" has no default value.');
  });

  it('names every required property without a default', () => {
    const params = {
      message: 'm',
      requestedSchema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a', 'b'] },
    } as unknown as ElicitRequestParams;
    expect(acceptDefaults(params).note).toContain('required fields "a", "b" have no default value');
  });

  it('declines a URL-mode elicitation and gives the URL to open', () => {
    const params = { mode: 'url', message: 'Sign in to continue', elicitationId: 'e1', url: 'https://auth.example.com/verify?code=1' } as ElicitRequestParams;
    const answer = acceptDefaults(params);
    expect(answer.result).toEqual({ action: 'decline' });
    expect(answer.note).toContain('https://auth.example.com/verify?code=1');
    expect(answer.note).toContain('Sign in to continue');
  });

  it('accepts an empty form (no properties) with empty content', () => {
    expect(acceptDefaults({ message: 'ok?', requestedSchema: { type: 'object', properties: {} } } as ElicitRequestParams).result).toEqual({ action: 'accept', content: {} });
  });
});

describe('printable', () => {
  it('keeps server text to one line without control characters and shortens it', () => {
    expect(printable('a\u001b[31mred\u0007\nnext')).toBe('a [31mred next');
    expect(printable('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
