import { create } from 'zustand';
import { clickSelect, emptySelection, selectAll, type ClickModifiers, type Selection } from '../../domain/selection';
import type { GroupRef, Planned } from '../../domain/groupPlans';

export type GroupTab = 'accounts' | 'users' | 'resources';
/** Users in Group lists the group's users, or every user (to add someone who is in no group yet). */
export type UserScope = 'group' | 'all';

/** A plan on its way to the admin's Apply: shown in the preview dialog. */
export interface PlanPreview {
  title: string;
  target: GroupRef;
  planned: Planned;
}

interface GroupsUiState {
  groupSearch: string;
  accountSearch: string;
  userSearch: string;
  tab: GroupTab;
  selection: Selection;
  /** Users selected on the Users in Group tab (dragged or added to another group with roles). */
  userSelection: Selection;
  /** Users dropped on a group, waiting for the admin to pick their role(s). */
  rolePick: { target: GroupRef; userIds: string[] } | null;
  userScope: UserScope;
  setUserScope: (s: UserScope) => void;
  clickUser: (order: readonly string[], id: string, mods?: ClickModifiers) => void;
  setUserSelection: (s: Selection) => void;
  setRolePick: (p: { target: GroupRef; userIds: string[] } | null) => void;
  preview: PlanPreview | null;
  notice: string | null;
  setNotice: (n: string | null) => void;
  setGroupSearch: (s: string) => void;
  setAccountSearch: (s: string) => void;
  setUserSearch: (s: string) => void;
  setTab: (t: GroupTab) => void;
  click: (order: readonly string[], id: string, mods?: ClickModifiers) => void;
  selectAllOf: (order: readonly string[]) => void;
  setSelection: (s: Selection) => void;
  clearSelection: () => void;
  openPreview: (p: PlanPreview) => void;
  closePreview: () => void;
}

export const useGroupsUi = create<GroupsUiState>((set) => ({
  groupSearch: '',
  accountSearch: '',
  userSearch: '',
  tab: 'accounts',
  selection: emptySelection(),
  userSelection: emptySelection(),
  rolePick: null,
  userScope: 'group',
  setUserScope: (userScope) => set({ userScope, userSelection: emptySelection() }),
  clickUser: (order, id, mods) => set((s) => ({ userSelection: clickSelect(s.userSelection, order, id, mods) })),
  setUserSelection: (userSelection) => set({ userSelection }),
  setRolePick: (rolePick) => set({ rolePick }),
  preview: null,
  notice: null,
  setNotice: (notice) => set({ notice }),
  setGroupSearch: (groupSearch) => set({ groupSearch }),
  setAccountSearch: (accountSearch) => set({ accountSearch }),
  setUserSearch: (userSearch) => set({ userSearch }),
  setTab: (tab) => set({ tab }),
  click: (order, id, mods) => set((s) => ({ selection: clickSelect(s.selection, order, id, mods) })),
  selectAllOf: (order) => set({ selection: selectAll(order) }),
  setSelection: (selection) => set({ selection }),
  clearSelection: () => set({ selection: emptySelection(), userSelection: emptySelection() }),
  openPreview: (preview) => set({ preview }),
  closePreview: () => set({ preview: null }),
}));

/** Case-insensitive match on any of the given fields: the search boxes of every tab. */
export const matches = (query: string, ...fields: (string | undefined)[]): boolean => {
  const q = query.trim().toLowerCase();
  return !q || fields.some((f) => f?.toLowerCase().includes(q));
};
