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

  /** The bottom layer of the chain, shared by every fork over it. */
  root(): Layer<K, V> {
    return this.parent ? this.parent.root() : this;
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

  /** Build-time insert into a parent-less index: no copy-on-write checks. */
  load(k: K, v: V): void {
    let s = this.layer.get(k);
    if (!s) this.layer.set(k, (s = new Set()));
    s.add(v);
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

/**
 * A layered two-level index (k1 → k2 → set of values), e.g. user → group → roles. Lookups
 * need no composite key; the first write to a k1 in a fork copies only that k1's small map.
 */
export class NestedIndex<K1, K2, V> {
  constructor(readonly layer: Layer<K1, Map<K2, Set<V>>> = new Layer()) {}

  fork(): NestedIndex<K1, K2, V> {
    return new NestedIndex<K1, K2, V>(this.layer.fork());
  }

  get(k1: K1): ReadonlyMap<K2, ReadonlySet<V>> | undefined {
    return this.layer.get(k1);
  }

  getSet(k1: K1, k2: K2): ReadonlySet<V> | undefined {
    return this.layer.get(k1)?.get(k2);
  }

  has(k1: K1, k2: K2, v: V): boolean {
    return this.layer.get(k1)?.get(k2)?.has(v) ?? false;
  }

  private mutable(k1: K1): Map<K2, Set<V>> {
    if (this.layer.owns(k1)) return this.layer.get(k1)!;
    const copy = new Map<K2, Set<V>>();
    for (const [k2, set] of this.layer.get(k1) ?? []) copy.set(k2, new Set(set));
    this.layer.set(k1, copy);
    return copy;
  }

  /** Build-time insert into a parent-less index: no copy-on-write checks. */
  load(k1: K1, k2: K2, v: V): void {
    let m = this.layer.get(k1);
    if (!m) this.layer.set(k1, (m = new Map()));
    let set = m.get(k2);
    if (!set) m.set(k2, (set = new Set()));
    set.add(v);
  }

  add(k1: K1, k2: K2, v: V): boolean {
    if (this.has(k1, k2, v)) return false;
    const m = this.mutable(k1);
    let set = m.get(k2);
    if (!set) m.set(k2, (set = new Set()));
    set.add(v);
    return true;
  }

  remove(k1: K1, k2: K2, v: V): boolean {
    if (!this.has(k1, k2, v)) return false;
    const m = this.mutable(k1);
    const set = m.get(k2)!;
    set.delete(v);
    if (set.size === 0) m.delete(k2);
    if (m.size === 0) this.layer.delete(k1);
    return true;
  }

  keys(): K1[] {
    return this.layer.keys();
  }
}
