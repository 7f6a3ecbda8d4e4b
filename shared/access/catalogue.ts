import type { Snapshot } from '../model';
import { isBuiltInRole } from '../model';
import type { CatalogueEntry } from './state';

/**
 * R22, R23: what the primary account may share, with the reason when it may not. Roles are
 * listed too (custom roles only: built-in roles reach every account already).
 */
export const buildCatalogue = (snap: Snapshot): CatalogueEntry[] => {
  const out: CatalogueEntry[] = [];
  for (const c of snap.Cloud) out.push({ objectType: 'Cloud', id: c.id, name: c.name ?? c.id, ineligible: null });
  for (const p of snap.IntegrationPack) out.push({ objectType: 'Integration Pack', id: p.id, name: p.name ?? p.id, ineligible: null });
  for (const r of snap.Role) {
    out.push({
      objectType: 'Role', id: r.id, name: r.name,
      ineligible: isBuiltInRole(r) ? `R15: "${r.name}" is a built-in role; only custom roles are shared` : null,
    });
  }
  for (const p of snap.PublishedResource) {
    let ineligible: string | null = null;
    if (p.objectType === 'Connector' && p.visibility === 'public') ineligible = `R23: connector "${p.name}" is public and already reaches everyone`;
    else if (p.released === false) ineligible = `R23: ${p.objectType} "${p.name}" is not released`;
    out.push({ objectType: p.objectType, id: p.id, name: p.name, ineligible });
  }
  return out;
};
