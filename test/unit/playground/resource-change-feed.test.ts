import { describe, expect, it } from 'vitest';
import { COUNTER_URI, PlaygroundSharedState } from '../../../main/core/playground/playground-shared-state';
import { ResourceChangeFeed } from '../../../main/core/playground/resource-change-feed';

describe('ResourceChangeFeed', () => {
  it('tells every listener, keeps going past a throwing one, and forgets a listener once unsubscribed', () => {
    const feed = new ResourceChangeFeed();
    const seen: string[] = [];
    const stopFirst = feed.subscribe((uri) => seen.push(`first ${uri}`));
    feed.subscribe(() => {
      throw new Error('one connection failing');
    });
    feed.subscribe((uri) => seen.push(`third ${uri}`));
    feed.publish('a://1');
    stopFirst();
    stopFirst(); // idempotent
    feed.publish('a://2');
    expect(seen).toEqual(['first a://1', 'third a://1', 'third a://2']);
    expect(feed.listenerCount).toBe(2);
  });
});

describe('PlaygroundSharedState', () => {
  it('bumps the counter, stamps the time and announces the counter resource', () => {
    const shared = new PlaygroundSharedState();
    const announced: string[] = [];
    shared.changes.subscribe((uri) => announced.push(uri));
    const before = shared.counterSnapshot;
    expect(before.value).toBe(0);
    expect(shared.bumpCounter(3)).toBe(3);
    expect(shared.bumpCounter(1)).toBe(4);
    expect(shared.counterSnapshot.value).toBe(4);
    expect(Date.parse(shared.counterSnapshot.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    expect(announced).toEqual([COUNTER_URI, COUNTER_URI]);
  });
});
