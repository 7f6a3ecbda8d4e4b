import { z } from 'zod';
import { partnerAccountAccessId } from '../../shared/model';
import type { Ctx } from '../api/access';
import { deleteBy, deleteRecord, insertRecord, updateRecord, type Doc, type Q } from '../db/records';
import { badRequest } from '../errors';
import { mustBeUser, mustExist, newId, parseBody, removeLink } from './common';
import type { TypeWrites } from './index';

const ServiceBody = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1).max(255).optional(),
  partnerOrganisation: z.string().trim().min(1).max(255).optional(),
  entityId: z.string().min(1).optional(),
  accountIds: z.array(z.string().min(1)).max(100_000).optional(),
});

const checkAccounts = async (tx: Q, ctx: Ctx, ids: string[]) => {
  for (const id of new Set(ids)) await mustExist(tx, ctx, 'Account', id);
};

const createService = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('PartnerService', ServiceBody, raw);
  if (!b.name || !b.partnerOrganisation || !b.entityId) throw badRequest('invalid PartnerService: name, partnerOrganisation and entityId are required');
  await mustExist(tx, ctx, 'Entity', b.entityId);
  const accountIds = [...new Set(b.accountIds ?? [])];
  await checkAccounts(tx, ctx, accountIds);
  const id = `svc-${newId()}`;
  const doc = { '@type': 'PartnerService', id, name: b.name, partnerOrganisation: b.partnerOrganisation, entityId: b.entityId, accountIds };
  await insertRecord(tx, 'PartnerService', ctx.tenant, id, doc);
  return doc;
};

/** Access rows of one service on the given accounts (R28: they depend on the service). */
const dropAccess = async (tx: Q, tenant: string, serviceId: string, accountIds: string[]): Promise<void> => {
  if (!accountIds.length) return;
  await tx.query(
    `delete from records where type = 'PartnerAccountAccess' and owner = $1 and doc->>'serviceId' = $2 and doc->>'accountId' = any($3)`,
    [tenant, serviceId, accountIds],
  );
};

/** R28: an account leaving the service takes every access that depended on it. */
const updateService = async (tx: Q, ctx: Ctx, raw: Doc, id: string): Promise<Doc> => {
  const b = parseBody('PartnerService', ServiceBody, raw);
  if (b.id !== undefined && b.id !== id) throw badRequest(`the body's id ${b.id} differs from the URL's ${id}`);
  const s = await mustExist(tx, ctx, 'PartnerService', id);
  if (b.entityId !== undefined && b.entityId !== s.entityId) {
    throw badRequest('a service cannot move to another entity; end it and create a new one (R25)');
  }
  const before = (s.accountIds as string[]) ?? [];
  const after = b.accountIds === undefined ? before : [...new Set(b.accountIds)];
  await checkAccounts(tx, ctx, after.filter((a) => !before.includes(a)));
  const doc = { ...s, name: b.name ?? s.name, partnerOrganisation: b.partnerOrganisation ?? s.partnerOrganisation, accountIds: after };
  await updateRecord(tx, 'PartnerService', ctx.tenant, id, doc);
  await dropAccess(tx, ctx.tenant, id, before.filter((a) => !after.includes(a)));
  return doc;
};

/** R28: a service that ends takes all of its access with it. */
const deleteService = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  await mustExist(tx, ctx, 'PartnerService', id);
  await deleteBy(tx, 'PartnerAccountAccess', ctx.tenant, 'serviceId', id);
  await deleteRecord(tx, 'PartnerService', ctx.tenant, id);
};

const AccessBody = z.object({ serviceId: z.string().min(1), accountId: z.string().min(1), userId: z.string().min(1) });

/** Grant (R26), one user on one account: R25 only users of the service's entity, only its accounts. */
const createAccess = async (tx: Q, ctx: Ctx, raw: Doc): Promise<Doc> => {
  const b = parseBody('PartnerAccountAccess', AccessBody, raw);
  const s = await mustExist(tx, ctx, 'PartnerService', b.serviceId);
  if (!((s.accountIds as string[]) ?? []).includes(b.accountId)) {
    throw badRequest(`account ${b.accountId} is not shared by service "${String(s.name)}"`);
  }
  const user = await mustBeUser(tx, ctx, b.userId);
  if (user.entityId !== s.entityId) {
    throw badRequest(`only users of entity ${String(s.entityId)} can be given access through service "${String(s.name)}"; ${b.userId} is not one (R25)`);
  }
  const id = partnerAccountAccessId(b.serviceId, b.accountId, b.userId);
  const doc = { '@type': 'PartnerAccountAccess', id, ...b };
  await insertRecord(tx, 'PartnerAccountAccess', ctx.tenant, id, doc);
  return doc;
};

/** Revoke (R27). */
const deleteAccess = async (tx: Q, ctx: Ctx, _b: Doc, id: string): Promise<void> => {
  await removeLink(tx, ctx, 'PAA', 'PartnerAccountAccess', id);
};

export const partnerServiceWrites: TypeWrites = { create: createService, update: updateService, remove: deleteService };
export const partnerAccessWrites: TypeWrites = { create: createAccess, remove: deleteAccess };
