import type { Q } from '../db/records';

/**
 * R18/R20: a member account keeps a shared role's assignments only while some group containing
 * the account still shares that role. Run after a membership or resource change; removes the
 * assignments of `roleIds` in `accountIds` that lost their last sharing group. Returns them.
 */
export const dropUnsharedAssignments = async (tx: Q, tenant: string, accountIds: string[], roleIds: string[]): Promise<number> => {
  if (accountIds.length === 0 || roleIds.length === 0) return 0;
  const r = await tx.query(
    `delete from records aur
     where aur.type = 'AccountUserRole' and aur.owner = $1
       and aur.doc->>'roleId' = any($2) and aur.doc->>'accountId' = any($3) and aur.doc->>'accountId' <> $1
       and not exists (
         select 1 from records aga join records g
           on g.type = 'AccountGroup' and g.owner = aga.owner and g.id = aga.doc->>'accountGroupId'
         where aga.type = 'AccountGroupAccount' and aga.owner = $1 and aga.doc->>'accountId' = aur.doc->>'accountId'
           and coalesce(g.doc->'Resources'->'Resource', '[]'::jsonb)
               @> jsonb_build_array(jsonb_build_object('objectType', 'Role', 'resourceId', aur.doc->>'roleId')))`,
    [tenant, roleIds, accountIds],
  );
  return r.affectedRows ?? 0;
};

/** Accounts of one group (for R20: everyone in them may lose an unshared role). */
export const accountsOfGroup = async (tx: Q, tenant: string, groupId: string): Promise<string[]> => {
  const r = await tx.query<{ a: string }>(
    `select doc->>'accountId' as a from records where type = 'AccountGroupAccount' and owner = $1 and doc->>'accountGroupId' = $2`,
    [tenant, groupId],
  );
  return r.rows.map((x) => x.a);
};
