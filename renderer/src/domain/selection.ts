/**
 * Multi-select as in a file manager: click selects one, ctrl/cmd-click toggles,
 * shift-click selects the range from the anchor within the current (filtered) order.
 */
export interface Selection {
  selected: ReadonlySet<string>;
  anchor: string | null;
}

export interface ClickModifiers {
  shift?: boolean;
  toggle?: boolean;
}

export const emptySelection = (): Selection => ({ selected: new Set(), anchor: null });

export const clickSelect = (sel: Selection, order: readonly string[], id: string, mods: ClickModifiers = {}): Selection => {
  if (mods.shift && sel.anchor !== null) {
    const from = order.indexOf(sel.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) {
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const range = order.slice(lo, hi + 1);
      const base = mods.toggle ? new Set(sel.selected) : new Set<string>();
      for (const r of range) base.add(r);
      return { selected: base, anchor: sel.anchor };
    }
  }
  if (mods.toggle) {
    const next = new Set(sel.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return { selected: next, anchor: id };
  }
  return { selected: new Set([id]), anchor: id };
};

/** "Select all filtered": exactly what the search shows, nothing hidden by it. */
export const selectAll = (order: readonly string[]): Selection => ({ selected: new Set(order), anchor: order[0] ?? null });

/** Drops ids the view no longer holds (a refresh or a new filter), keeping the rest. */
export const pruneSelection = (sel: Selection, present: ReadonlySet<string>): Selection => {
  let changed = false;
  const next = new Set<string>();
  for (const id of sel.selected) {
    if (present.has(id)) next.add(id);
    else changed = true;
  }
  return changed ? { selected: next, anchor: sel.anchor && present.has(sel.anchor) ? sel.anchor : null } : sel;
};
