import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import type { ElicitRequestParams } from '@modelcontextprotocol/client';
import { clientInputHandlers, parseSamplingOption, refusedSampling } from '../../../main/cli/client-input-options';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const signal = new AbortController().signal;
const form = { message: 'Who?', requestedSchema: { type: 'object', properties: { name: { type: 'string', default: 'Ann' } }, required: ['name'] } } as unknown as ElicitRequestParams;

describe('parseSamplingOption', () => {
  it('takes reject and reply:TEXT (the text may contain colons or be empty)', () => {
    expect(parseSamplingOption('reject')).toEqual({ kind: 'reject' });
    expect(parseSamplingOption('reply:Hi: there')).toEqual({ kind: 'reply', text: 'Hi: there' });
    expect(parseSamplingOption('reply:')).toEqual({ kind: 'reply', text: '' });
  });

  it('refuses anything else as a usage error', () => {
    expect(() => parseSamplingOption('accept')).toThrow(InvalidArgumentError);
  });
});

describe('clientInputHandlers', () => {
  it('is undefined without options, so the engine keeps its defaults', () => {
    expect(clientInputHandlers({}, () => undefined)).toBeUndefined();
    expect(clientInputHandlers({ roots: [] }, () => undefined)).toBeUndefined();
  });

  it('answers elicitation as the option says, traced as answered by that option', async () => {
    const notes: string[] = [];
    const accept = clientInputHandlers({ elicitation: 'accept-defaults' }, (line) => notes.push(line))!;
    expect(accept).toMatchObject({ answeredBy: 'option', source: 'the --elicitation accept-defaults option' });
    expect(await accept.elicit!(form, signal)).toEqual({ action: 'accept', content: { name: 'Ann' } });
    expect(await clientInputHandlers({ elicitation: 'decline' }, () => undefined)!.elicit!(form, signal)).toEqual({ action: 'decline' });
    expect(await clientInputHandlers({ elicitation: 'cancel' }, () => undefined)!.elicit!(form, signal)).toEqual({ action: 'cancel' });
    expect(notes).toEqual([]);
  });

  it('prints why accept-defaults declined', async () => {
    const notes: string[] = [];
    const handlers = clientInputHandlers({ elicitation: 'accept-defaults' }, (line) => notes.push(line))!;
    const noDefault = { message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } as unknown as ElicitRequestParams;
    expect(await handlers.elicit!(noDefault, signal)).toEqual({ action: 'decline' });
    expect(notes).toEqual(['note: --elicitation accept-defaults declined "Name?": required field "name" has no default value.']);
  });

  it('replies to sampling with the given text as model periscope-cli, or refuses it', async () => {
    const params = { messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }], maxTokens: 10 } as never;
    const reply = clientInputHandlers({ sampling: { kind: 'reply', text: 'Hello' } }, () => undefined)!;
    expect(reply.source).toBe('the --sampling reply option');
    expect(await reply.sample!(params, signal)).toEqual({ role: 'assistant', model: 'periscope-cli', content: { type: 'text', text: 'Hello' } });

    const reject = clientInputHandlers({ sampling: { kind: 'reject' } }, () => undefined)!;
    const error = await reject.sample!(params, signal).then(
      () => undefined,
      (e: unknown) => e as { code?: number; message?: string },
    );
    expect(error?.code).toBe(-1);
    expect(error?.message).toContain('refused by the --sampling reject option');
    const explained = refusedSampling(new Error('wrapped', { cause: error }));
    expect(explained?.info).toMatchObject({ kind: 'invalid-input', hint: 'to let the call go on, answer with --sampling reply:TEXT' });
    expect(refusedSampling(new Error('something else'))).toBeUndefined();
  });

  it('lists roots as file:// URIs (a local path is converted) and names every option given', async () => {
    const handlers = clientInputHandlers({ roots: ['file:///srv/project', '/tmp/work dir'], elicitation: 'decline' }, () => undefined)!;
    expect(handlers.source).toBe('the --elicitation decline, --roots options');
    expect(await handlers.roots!(signal)).toEqual({ roots: [{ uri: 'file:///srv/project' }, { uri: 'file:///tmp/work%20dir' }] });
  });

  it('refuses a root that is not a file:// URI', () => {
    let caught: unknown;
    try {
      clientInputHandlers({ roots: ['https://example.com/repo'] }, () => undefined);
    } catch (error) {
      caught = error;
    }
    expect(isPeriscopeError(caught) && caught.info.kind).toBe('invalid-input');
  });
});
