import type { Ctx } from '../api/access';
import { getRecord, type Doc, type Q } from '../db/records';
import { badRequest } from '../errors';
import { ResourceObjectType } from '../../shared/model';

export interface ResourceRef {
  objectType: string;
  resourceId: string;
  resourceName: string;
}

const PUBLISHED = new Set(['Connector', 'Published Process', 'Data Hub Model']);

/** Finds what a Resource names in the tenant's catalogue and checks it may be shared (R22, R23). */
const resolveOne = async (tx: Q, ctx: Ctx, raw: Doc): Promise<ResourceRef> => {
  const objectType = ResourceObjectType.safeParse(raw.objectType);
  const resourceId = raw.resourceId;
  if (!objectType.success) throw badRequest(`resource objectType must be one of ${ResourceObjectType.options.join(', ')} (R22)`);
  if (typeof resourceId !== 'string' || !resourceId) throw badRequest('every resource needs a resourceId');
  const t = objectType.data;
  const what = `${t} resource ${resourceId}`;
  let doc: Doc | null;
  if (t === 'Role') {
    doc = await getRecord(tx, 'Role', [ctx.tenant], resourceId);
    if (!doc) throw badRequest(`${what}: only custom roles of account ${ctx.tenant} can be shared (built-in roles are everywhere already)`);
  } else if (t === 'Cloud') {
    doc = await getRecord(tx, 'Cloud', [ctx.tenant], resourceId);
  } else if (t === 'Integration Pack') {
    doc = await getRecord(tx, 'IntegrationPack', [ctx.tenant], resourceId);
  } else {
    doc = await getRecord(tx, 'PublishedResource', [ctx.tenant], resourceId);
    if (doc && doc.objectType !== t) throw badRequest(`${what} is a ${String(doc.objectType)}`);
    if (doc && PUBLISHED.has(t) && doc.released === false) throw badRequest(`${what} is not released and cannot be shared (R23)`);
    if (doc && t === 'Connector' && doc.visibility === 'public') throw badRequest(`${what} is public: only private connectors are shared (R23)`);
  }
  if (!doc) throw badRequest(`${what} does not exist in account ${ctx.tenant}`);
  return { objectType: t, resourceId, resourceName: String(doc.name ?? resourceId) };
};

/**
 * Validates a group's new resource list. R15/R19: sharing a role that the group did not already
 * share needs account groups and Advanced User Security on the primary account.
 */
export const resolveResources = async (tx: Q, ctx: Ctx, raw: unknown, before: ResourceRef[]): Promise<ResourceRef[]> => {
  const list = (raw as { Resource?: unknown } | undefined)?.Resource ?? [];
  if (!Array.isArray(list)) throw badRequest('Resources.Resource must be a list');
  const out: ResourceRef[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) throw badRequest('each resource must be an object');
    const r = await resolveOne(tx, ctx, item as Doc);
    const key = `${r.objectType}|${r.resourceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const isNewRole = r.objectType === 'Role' && !before.some((b) => b.objectType === 'Role' && b.resourceId === r.resourceId);
    if (isNewRole && ctx.account.advancedUserSecurity !== true) {
      throw badRequest(`sharing role "${r.resourceName}" needs Advanced User Security on the primary account ${ctx.tenant} (R15, R19)`);
    }
    out.push(r);
  }
  return out;
};

export const resourcesOf = (group: Doc): ResourceRef[] =>
  ((group.Resources as { Resource?: ResourceRef[] } | undefined)?.Resource ?? []).map((r) => ({
    objectType: r.objectType, resourceId: r.resourceId, resourceName: r.resourceName,
  }));

export const asResources = (list: ResourceRef[]) => ({ '@type': 'Resources', Resource: list.map((r) => ({ '@type': 'Resource', ...r })) });
