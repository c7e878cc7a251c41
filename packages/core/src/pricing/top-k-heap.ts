/**
 * Keeps the `capacity` highest-scoring items seen so far (a binary min-heap on score), so picking
 * the best comparables out of tens of thousands of candidates costs O(n log k), not a full sort.
 */
export type TopKHeap = {
  /** Offers an item; returns whether it was kept (it stays only while among the best `capacity`). */
  offer(item: number, score: number): boolean;
  /** The kept items, best first, with their scores. */
  drain(): Array<{ item: number; score: number }>;
};

/** Creates an empty {@link TopKHeap} holding at most `capacity` items. */
export function createTopKHeap(capacity: number): TopKHeap {
  const items: number[] = [];
  const scores: number[] = [];
  const swap = (a: number, b: number) => {
    const item = items[a] as number;
    items[a] = items[b] as number;
    items[b] = item;
    const score = scores[a] as number;
    scores[a] = scores[b] as number;
    scores[b] = score;
  };
  const siftDown = (start: number) => {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < scores.length && (scores[left] as number) < (scores[smallest] as number)) smallest = left;
      if (right < scores.length && (scores[right] as number) < (scores[smallest] as number)) smallest = right;
      if (smallest === index) return;
      swap(index, smallest);
      index = smallest;
    }
  };
  return {
    offer(item, score) {
      if (capacity <= 0) return false;
      if (scores.length < capacity) {
        items.push(item);
        scores.push(score);
        let index = scores.length - 1;
        while (index > 0) {
          const parent = (index - 1) >> 1;
          if ((scores[parent] as number) <= (scores[index] as number)) break;
          swap(index, parent);
          index = parent;
        }
        return true;
      }
      if (score <= (scores[0] as number)) return false;
      items[0] = item;
      scores[0] = score;
      siftDown(0);
      return true;
    },
    drain() {
      return items
        .map((item, index) => ({ item, score: scores[index] as number }))
        .sort((a, b) => b.score - a.score);
    },
  };
}
