import type { ObjectType } from '../../shared/model';
import { getRecord, ownerOf, type Doc, type Q } from '../db/records';
import { badRequest, forbidden, HttpError, notFound } from '../errors';
import { TYPES } from '../types';
import type { Ctx } from './access';
import { present } from './present';
import { inScope, scopeFor } from './scope';

/**
 * Finds a record the request may see. Another tenant's record is a 403 (never its content), a
 * record that exists nowhere a 404.
 */
export const loadVisible = async (q: Q, ctx: Ctx, type: ObjectType, id: string): Promise<Doc> => {
  const scope = scopeFor(ctx, type);
  const doc = await getRecord(q, type, scope.owners, id);
  if (doc && inScope(scope, doc)) return doc;
  if (doc || (await ownerOf(q, type, id))) throw forbidden(`${type} ${id} is not accessible from account ${ctx.accountId}`);
  throw notFound(`${type} ${id} not found`);
};

export const getOne = async (q: Q, ctx: Ctx, type: ObjectType, id: string): Promise<Doc> =>
  present(type, await loadVisible(q, ctx, type, id), 'GET');

const MAX_BULK = 100;

/** The spec requires Result on every bulk item: a failed one carries its type, id and required fields only. */
const placeholder = (type: ObjectType, id: string): Doc => ({
  '@type': type, [TYPES[type].idField]: id, ...(type === 'IntegrationPack' ? { Description: '' } : {}),
});

/** Bulk GET: up to 100 ids, a status per item, in request order. */
export const bulkGet = async (q: Q, ctx: Ctx, type: ObjectType, body: unknown) => {
  const b = (body ?? {}) as { type?: unknown; request?: unknown };
  if (b.type !== undefined && b.type !== 'GET') throw badRequest(`bulk ${String(b.type)} is not supported; only type "GET"`);
  if (!Array.isArray(b.request)) throw badRequest('a bulk request needs "request": [{"id": …}, …]');
  if (b.request.length > MAX_BULK) throw badRequest(`a bulk request takes at most ${MAX_BULK} ids, got ${b.request.length}`);
  const response = [];
  for (const [index, item] of b.request.entries()) {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !id) {
      response.push({ '@type': 'BulkResponse', index, statusCode: 400, errorMessage: 'missing id', Result: placeholder(type, '') });
      continue;
    }
    try {
      response.push({ '@type': 'BulkResponse', index, id, statusCode: 200, Result: await getOne(q, ctx, type, id) });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      // The schema requires Result on every item; a failed one carries only its type and id.
      response.push({ '@type': 'BulkResponse', index, id, statusCode: e.status, errorMessage: e.message, Result: placeholder(type, id) });
    }
  }
  return { '@type': 'BulkResult', response };
};

/**
 * getAssignableRoles: built-in roles and the tenant's custom roles for the primary account; in a
 * member account, built-in roles plus the roles shared with it through its groups, marked
 * " (shared)" (R16), unless the member's AUS is off (R19: no new assignments).
 */
export const assignableRoles = async (q: Q, ctx: Ctx) => {
  const r = await q.query<{ doc: Doc; owner: string }>(`select owner, doc from records where type = 'Role' and owner = any($1) order by seq`, [
    [ctx.tenant, '1'],
  ]);
  const builtIn = r.rows.filter((x) => x.owner === '1').map((x) => present('Role', x.doc, 'GET'));
  const custom = r.rows.filter((x) => x.owner !== '1').map((x) => present('Role', x.doc, 'GET'));
  if (ctx.isPrimary) return { '@type': 'Roles', Role: [...builtIn, ...custom] };
  if (ctx.account.advancedUserSecurity === false) return { '@type': 'Roles', Role: builtIn };
  const shared = await sharedRoleIds(q, ctx.tenant, ctx.accountId);
  const sharedRoles = custom.filter((x) => shared.has(String(x.id))).map((x) => ({ ...x, name: `${String(x.name)} (shared)` }));
  return { '@type': 'Roles', Role: [...builtIn, ...sharedRoles] };
};

/** R15/R24: custom roles reach a member account as Role resources of the groups containing it. */
export const sharedRoleIds = async (q: Q, tenant: string, accountId: string): Promise<Set<string>> => {
  const r = await q.query<{ doc: Doc }>(
    `select g.doc from records g join records aga
       on aga.type = 'AccountGroupAccount' and aga.owner = g.owner and aga.doc->>'accountGroupId' = g.id
     where g.type = 'AccountGroup' and g.owner = $1 and aga.doc->>'accountId' = $2`,
    [tenant, accountId],
  );
  const out = new Set<string>();
  for (const { doc } of r.rows) {
    const res = (doc.Resources as { Resource?: { objectType?: string; resourceId: string }[] } | undefined)?.Resource ?? [];
    for (const x of res) if (x.objectType === 'Role') out.add(x.resourceId);
  }
  return out;
};
