// Answers already computed on the current snapshot: one computation per distinct question (concurrent askers share it),
// least recently used dropped first past a size budget. The snapshot never changes, so entries never go stale.

interface Entry<T> { value: Promise<T>; weight: number }

export class AnswerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private total = 0;

  /** @param budget total weight kept (e.g. characters of JSON); @param weigh the weight of a finished value. */
  constructor(private readonly budget: number, private readonly weigh: (v: T) => number) {}

  get size(): number { return this.entries.size; }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const entry: Entry<T> = { value: compute(), weight: 0 };
    this.entries.set(key, entry);
    entry.value.then((v) => {
      if (this.entries.get(key) !== entry) return;
      entry.weight = this.weigh(v);
      this.total += entry.weight;
      this.evict();
    }, () => {
      // A failure is not remembered: the next asker tries again.
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.total <= this.budget || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.total -= e.weight;
    }
  }
}
