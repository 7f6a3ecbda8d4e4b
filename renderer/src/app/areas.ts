import type { ComponentType } from 'react';

/**
 * The navigation areas; each lives in src/features/<area>/ and declares here how its
 * screen is loaded. Each loader is a dynamic import, so every area is its own chunk of the
 * production build and the first screen downloads and parses only the area it shows; an area
 * added later is split the same way by adding its line (AreaView renders whatever `load` gives).
 */
export interface AreaDef {
  readonly id: string;
  readonly label: string;
  readonly load: () => Promise<ComponentType>;
}

export const AREAS = [
  { id: 'groups', label: 'Groups', load: () => import('../features/groups/GroupsArea').then((m) => m.GroupsArea) },
  { id: 'resources', label: 'Resources', load: () => import('../features/resources/ResourcesArea').then((m) => m.ResourcesArea) },
  { id: 'partner-access', label: 'Partner access', load: () => import('../features/partner-access/PartnerAccessArea').then((m) => m.PartnerAccessArea) },
  { id: 'access-explorer', label: 'Access explorer', load: () => import('../features/access-explorer/AccessExplorerArea').then((m) => m.AccessExplorerArea) },
  { id: 'review', label: 'Review', load: () => import('../features/review/ReviewArea').then((m) => m.ReviewArea) },
  { id: 'sync', label: 'Sync', load: () => import('../features/sync/SyncArea').then((m) => m.SyncArea) },
  { id: 'history', label: 'History', load: () => import('../features/history/HistoryArea').then((m) => m.HistoryArea) },
  { id: 'settings', label: 'Settings', load: () => import('../features/settings/SettingsArea').then((m) => m.SettingsArea) },
] as const satisfies readonly AreaDef[];

export type AreaId = (typeof AREAS)[number]['id'];

export interface Route {
  area: AreaId;
  /** The open item of the area, e.g. a group id. */
  item?: string;
}
