const GONE = Symbol('gone');
type Slot<V> = V | typeof GONE;

/**
 * A copy-on-write map layered over a frozen parent. A what-if or the optimistic view
 * (confirmed ⊕ pending) forks the snapshot's indexes in O(1) and only copies the entries it
 * touches, so a 1,000-op plan never copies the 500,000-link indexes.
 * A parent must no longer be written once a child has been layered over it.
 */
export class Layer<K, V> {
  private readonly own = new Map<K, Slot<V>>();

  constructor(private readonly parent: Layer<K, V> | null = null) {}

  fork(): Layer<K, V> {
    return new Layer<K, V>(this);
  }

  get(k: K): V | undefined {
    const v = this.own.get(k);
    if (v !== undefined) return v === GONE ? undefined : v;
    return this.parent ? this.parent.get(k) : undefined;
  }

  has(k: K): boolean {
    return this.get(k) !== undefined;
  }

  set(k: K, v: V): void {
    this.own.set(k, v);
  }

  delete(k: K): void {
    if (this.parent) this.own.set(k, GONE);
    else this.own.delete(k);
  }

  /** Every live key, own layer last so deletions and overrides win. */
  keys(): K[] {
    if (!this.parent) return [...this.own.keys()];
    const out = new Set(this.parent.keys());
    for (const [k, v] of this.own) {
      if (v === GONE) out.delete(k);
      else out.add(k);
    }
    return [...out];
  }

  /** True when this layer (not a parent) owns the entry, so it may be mutated in place. */
  owns(k: K): boolean {
    const v = this.own.get(k);
    return v !== undefined && v !== GONE;
  }
}

/** A layered index of sets (one key → many values), with copy-on-first-write per key. */
export class SetIndex<K, V> {
  constructor(readonly layer: Layer<K, Set<V>> = new Layer()) {}

  fork(): SetIndex<K, V> {
    return new SetIndex<K, V>(this.layer.fork());
  }

  get(k: K): ReadonlySet<V> | undefined {
    return this.layer.get(k);
  }

  has(k: K, v: V): boolean {
    return this.layer.get(k)?.has(v) ?? false;
  }

  private mutable(k: K): Set<V> {
    if (this.layer.owns(k)) return this.layer.get(k)!;
    const copy = new Set(this.layer.get(k) ?? []);
    this.layer.set(k, copy);
    return copy;
  }

  add(k: K, v: V): boolean {
    if (this.has(k, v)) return false;
    this.mutable(k).add(v);
    return true;
  }

  remove(k: K, v: V): boolean {
    if (!this.has(k, v)) return false;
    const s = this.mutable(k);
    s.delete(v);
    if (s.size === 0) this.layer.delete(k);
    return true;
  }

  keys(): K[] {
    return this.layer.keys();
  }
}

/** Composite key of two ids; ids never contain a newline. */
export const pair = (a: string, b: string): string => `${a}\n${b}`;
