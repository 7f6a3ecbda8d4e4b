import { create } from 'zustand';
import { AREAS, type Route } from './areas';

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

interface RouteState {
  route: Route;
  go: (route: Route) => void;
}

export const useRoute = create<RouteState>((set) => ({
  route: load(),
  go: (route) => {
    sessionStorage.setItem(KEY, JSON.stringify(route));
    set({ route });
  },
}));
