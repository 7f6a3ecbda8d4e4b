/** The navigation areas (issue 2); each lives in src/features/<area>/. */
export const AREAS = [
  { id: 'groups', label: 'Groups' },
  { id: 'resources', label: 'Resources' },
  { id: 'partner-access', label: 'Partner access' },
  { id: 'access-explorer', label: 'Access explorer' },
  { id: 'sync', label: 'Sync' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

export interface Route {
  area: AreaId;
  /** The open item of the area, e.g. a group id. */
  item?: string;
}
