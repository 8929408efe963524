import { describe, expect, it } from 'vitest';
import { InputRounds } from '../../../main/core/connections/input/input-rounds';
import type { MessageEntry } from '../../../shared/model/trace';

const base = { connectionId: 'c', wallTime: 0, monoTime: 0, size: 10 };
const request = (seq: number, name: string, call?: MessageEntry['call']): MessageEntry => ({
  ...base, seq, type: 'message', direction: 'outgoing', messageKind: 'request', method: 'tools/call', message: { params: { name } }, ...(call ? { call } : {}),
});
const inputRequired = (seq: number, call: MessageEntry['call'], keys: string[]): MessageEntry => ({
  ...base, seq, type: 'message', direction: 'incoming', messageKind: 'response', method: 'tools/call', resultType: 'input_required', call,
  message: { result: { resultType: 'input_required', inputRequests: Object.fromEntries(keys.map((k) => [k, { method: 'elicitation/create' }])) } },
});

describe('InputRounds: which call and round an embedded request belongs to', () => {
  it('names the call by its first request, counts rounds, and takes each key once', () => {
    const rounds = new InputRounds();
    rounds.observe(request(1, 'order_coffee'));
    rounds.observe(inputRequired(2, { rootSeq: 1, round: 1 }, ['order']));
    expect(rounds.roundOf('order')).toEqual({ rootSeq: 1, round: 1, method: 'tools/call', name: 'order_coffee', key: 'order' });
    expect(rounds.roundOf('order')).toBeUndefined();
    rounds.observe(request(3, 'order_coffee', { rootSeq: 1, round: 2 }));
    rounds.observe(inputRequired(4, { rootSeq: 1, round: 2 }, ['confirm']));
    expect(rounds.roundOf('confirm')).toMatchObject({ rootSeq: 1, round: 2, name: 'order_coffee' });
  });

  it('a key used by two calls means the latest; an unknown key is no round', () => {
    const rounds = new InputRounds();
    rounds.observe(request(1, 'ask_user'));
    rounds.observe(request(2, 'ask_model'));
    rounds.observe(inputRequired(3, { rootSeq: 1, round: 1 }, ['answer']));
    rounds.observe(inputRequired(4, { rootSeq: 2, round: 1 }, ['answer']));
    expect(rounds.roundOf('answer')).toMatchObject({ name: 'ask_model' });
    expect(rounds.roundOf('answer')).toMatchObject({ name: 'ask_user' });
    expect(rounds.roundOf('nope')).toBeUndefined();
  });

  it('a task of the tasks extension: its questions, asked in tasks/get answers, belong to the call that created it, each key once', () => {
    const rounds = new InputRounds();
    const response = (seq: number, requestSeq: number, method: string, result: Record<string, unknown>): MessageEntry => ({
      ...base, seq, type: 'message', direction: 'incoming', messageKind: 'response', method, requestSeq, resultType: String(result.resultType), message: { result },
    });
    const asking = (seq: number, keys: string[]) =>
      response(seq, seq - 1, 'tasks/get', { resultType: 'complete', taskId: 't1', status: 'input_required', inputRequests: Object.fromEntries(keys.map((k) => [k, { method: 'elicitation/create' }])) });
    rounds.observe(request(1, 'ask_name'));
    rounds.observe(response(2, 1, 'tools/call', { resultType: 'task', taskId: 't1', status: 'working' }));
    rounds.observe(asking(4, ['name-1']));
    rounds.observe(asking(6, ['name-1']));
    rounds.observe(asking(8, ['name-1', 'age-1']));
    expect(rounds.roundOf('name-1')).toEqual({ rootSeq: 1, round: 1, method: 'tools/call', name: 'ask_name', key: 'name-1', taskId: 't1' });
    expect(rounds.roundOf('name-1')).toBeUndefined();
    expect(rounds.roundOf('age-1')).toMatchObject({ round: 2, taskId: 't1' });
    // A task nobody saw created is no round.
    rounds.observe(response(10, 9, 'tasks/get', { resultType: 'complete', taskId: 'other', status: 'input_required', inputRequests: { x: {} } }));
    expect(rounds.roundOf('x')).toBeUndefined();
  });
});
