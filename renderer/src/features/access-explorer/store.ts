import { create } from 'zustand';

export type ExplorerView = 'explore' | 'redundant';

/**
 * The explorer's place (its tab and the user and account picked) outlives the screen: leaving for
 * another section and coming back finds the same question asked.
 */
interface ExplorerPlace {
  view: ExplorerView;
  userId: string | null;
  accountId: string | null;
  setView: (view: ExplorerView) => void;
  setUserId: (id: string | null) => void;
  setAccountId: (id: string | null) => void;
}

export const useExplorerPlace = create<ExplorerPlace>((set) => ({
  view: 'explore',
  userId: null,
  accountId: null,
  setView: (view) => set({ view }),
  setUserId: (userId) => set({ userId }),
  setAccountId: (accountId) => set({ accountId }),
}));
