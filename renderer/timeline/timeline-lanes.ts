/**
 * Lane assignment for a timeline: each span goes to the lowest-numbered lane that is free at its
 * start, so overlapping spans sit side by side and a sequence of calls one after another stays
 * in lane 0. Interval partitioning with two binary heaps (busy lanes by end time, free lanes by
 * number): O(n log n) for n spans, and the number of lanes is the most spans ever overlapping.
 */
export function assignLanes(spans: ReadonlyArray<{ start: number; end: number }>, order: readonly number[]): { lanes: number[]; count: number } {
  const lanes = new Array<number>(spans.length).fill(0);
  const busy = new MinHeap<{ end: number; lane: number }>((a, b) => a.end - b.end || a.lane - b.lane);
  const free = new MinHeap<number>((a, b) => a - b);
  let count = 0;
  for (const i of order) {
    const span = spans[i]!;
    // A lane is free again once its span ended at or before this start (back-to-back calls share it).
    while (busy.size > 0 && busy.peek()!.end <= span.start) free.push(busy.pop()!.lane);
    const lane = free.size > 0 ? free.pop()! : count++;
    lanes[i] = lane;
    busy.push({ end: span.end, lane });
  }
  return { lanes, count };
}

/** A plain array-backed binary min-heap. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.less(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
