/**
 * Memos for pure computations over market data, so a run computes each ratio series and each chart once and
 * every section and note shares it. Keys are the input arrays themselves (held weakly: a market that is no
 * longer referenced takes its memos with it) plus a small string of options; each key keeps a bounded number
 * of results, most recently used last, so long batches stay flat in memory.
 *
 * The memoised functions are pure, so a remembered result is exactly what a recomputation would give; callers
 * must treat results as read-only.
 */

/** A bounded map: `get` refreshes an entry, `set` drops the least recently used one past `size`. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): V {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
    return value;
  }

  /** Forget `key` when it still holds `value`. */
  drop(key: K, value: V): void {
    if (this.map.get(key) === value) this.map.delete(key);
  }

  get length(): number {
    return this.map.size;
  }
}

/**
 * A memo keyed by one or more objects (compared by identity, held weakly) and then a string.
 * @example const m = new ObjectMemo<number>(4); m.get([arr], 'x', () => 1) //=> 1
 */
export class ObjectMemo<V> {
  private root = new WeakMap<object, unknown>();
  /** Results in the order they were remembered, when the memo holds at most `total` of them over all its keys. */
  private order: [Lru<string, V>, string, V][] = [];

  constructor(
    private readonly perKey: number,
    private readonly total = Infinity,
  ) {}

  /** The remembered value for (objects…, key), computing and remembering it when absent. */
  get(objects: readonly object[], key: string, compute: () => V): V {
    const lru = this.lru(objects);
    const hit = lru.get(key);
    if (hit !== undefined) return hit;
    return this.remember(lru, key, compute());
  }

  /** The remembered value for (objects…, key), or undefined. */
  peek(objects: readonly object[], key: string): V | undefined {
    return this.lru(objects).get(key);
  }

  /** Remember `value` for (objects…, key), replacing what was there; returns it. */
  set(objects: readonly object[], key: string, value: V): V {
    return this.remember(this.lru(objects), key, value);
  }

  private remember(lru: Lru<string, V>, key: string, value: V): V {
    lru.set(key, value);
    if (this.total !== Infinity) {
      this.order.push([lru, key, value]);
      if (this.order.length > this.total) {
        const [oldLru, oldKey, oldValue] = this.order.shift()!;
        oldLru.drop(oldKey, oldValue);
      }
    }
    return value;
  }

  private lru(objects: readonly object[]): Lru<string, V> {
    let level: WeakMap<object, unknown> = this.root;
    for (let i = 0; i < objects.length - 1; i++) {
      let next = level.get(objects[i]) as WeakMap<object, unknown> | undefined;
      if (!next) level.set(objects[i], (next = new WeakMap()));
      level = next;
    }
    const last = objects[objects.length - 1];
    let lru = level.get(last) as Lru<string, V> | undefined;
    if (!lru) level.set(last, (lru = new Lru<string, V>(this.perKey)));
    return lru;
  }

  /** Forget everything (tests compare memoised and fresh results). */
  clear(): void {
    this.root = new WeakMap();
    this.order = [];
  }
}

const memos: ObjectMemo<unknown>[] = [];

/**
 * A memo registered so that {@link clearMemos} empties it; `total` bounds the results it holds over all its keys
 * (oldest first out), for a memo whose keys are many short-lived series, such as every member of a universe.
 */
export function objectMemo<V>(perKey: number, total = Infinity): ObjectMemo<V> {
  const m = new ObjectMemo<V>(perKey, total);
  memos.push(m as ObjectMemo<unknown>);
  return m;
}

/** Empty every memo (for tests that check a memoised result equals a fresh one). */
export function clearMemos(): void {
  for (const m of memos) m.clear();
}
