import { create } from 'zustand';
import { AREAS, type AreaId, type Route } from './areas';

/**
 * The route lives in sessionStorage, not the URL: the browser host passes its per-launch secret
 * in the URL fragment, which the app must leave alone. A reload lands on the same page.
 */
const KEY = 'roster.route';

const load = (): Route => {
  try {
    const r = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Route | null;
    if (r && AREAS.some((a) => a.id === r.area)) return typeof r.item === 'string' ? { area: r.area, item: r.item } : { area: r.area };
  } catch {
    // A damaged entry only costs the last position.
  }
  return { area: 'groups' };
};

/**
 * Areas whose route item is where the admin is (the open group, service, review view): going back
 * reopens it. Elsewhere an item is a one-off pointer (a plan to highlight, a group to lead a list,
 * an account opened from search) and the area keeps its own place in its store.
 */
const KEEPS_ITEM: readonly AreaId[] = ['groups', 'partner-access', 'review'];

interface RouteState {
  route: Route;
  /** The last item open in each area: going back to an area reopens it (the group you were on). */
  lastItem: Partial<Record<AreaId, string>>;
  go: (route: Route) => void;
  /** Opens an area where the admin left it. */
  open: (area: AreaId) => void;
}

export const useRoute = create<RouteState>((set, get) => ({
  route: load(),
  lastItem: {},
  go: (route) => {
    sessionStorage.setItem(KEY, JSON.stringify(route));
    const { lastItem } = get();
    set({ route, lastItem: route.item === undefined ? lastItem : { ...lastItem, [route.area]: route.item } });
  },
  open: (area) => {
    const { route, lastItem, go } = get();
    if (route.area === area) return;
    const item = KEEPS_ITEM.includes(area) ? lastItem[area] : undefined;
    go(item === undefined ? { area } : { area, item });
  },
}));
