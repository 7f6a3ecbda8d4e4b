import { create } from 'zustand';

/**
 * Row density of every large table: comfortable (36 px) or compact (28 px, a third more rows on
 * screen at 1280×720). Kept across restarts in localStorage: it is a preference, not data.
 */
export const ROW_HEIGHT = { comfortable: 36, compact: 28 } as const;
export type Density = keyof typeof ROW_HEIGHT;

const KEY = 'roster.density';
const stored = (): Density => {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'compact' ? 'compact' : 'comfortable';
  } catch {
    return 'comfortable';
  }
};

interface DensityState {
  density: Density;
  rowHeight: number;
  setDensity: (d: Density) => void;
}

export const useDensity = create<DensityState>((set) => ({
  density: stored(),
  rowHeight: ROW_HEIGHT[stored()],
  setDensity: (density) => {
    try {
      globalThis.localStorage?.setItem(KEY, density);
    } catch {
      // A preference that cannot be kept still applies now.
    }
    set({ density, rowHeight: ROW_HEIGHT[density] });
  },
}));
