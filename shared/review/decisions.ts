import { z } from 'zod';
import { Id } from '../model';
import type { PlanOp } from '../plans';
import type { AccessState } from '../access';
import { roleLabel } from '../access';
import { pair } from '../access/layer';

/** What a reviewer can keep or remove: a user's role in a group, a membership, a direct role, partner access. */
export const ReviewTarget = z.discriminatedUnion('type', [
  z.object({ type: z.literal('groupUserRole'), groupId: Id, userId: Id, roleId: Id }),
  z.object({ type: z.literal('groupAccount'), groupId: Id, accountId: Id }),
  z.object({ type: z.literal('directRole'), accountId: Id, userId: Id, roleId: Id }),
  z.object({ type: z.literal('partnerAccess'), serviceId: Id, accountId: Id, userId: Id }),
]);
export type ReviewTarget = z.infer<typeof ReviewTarget>;

export const Decision = z.object({
  target: ReviewTarget,
  verdict: z.enum(['keep', 'remove']),
  note: z.string().max(2000).optional(),
  /** When it was last set (ISO time): shown in the review record. */
  at: z.string(),
});
export type Decision = z.infer<typeof Decision>;

/** The same target always has the same key: one decision per target. */
export const targetKey = (t: ReviewTarget): string => {
  switch (t.type) {
    case 'groupUserRole': return `gur\n${t.groupId}\n${t.userId}\n${t.roleId}`;
    case 'groupAccount': return `ga\n${t.groupId}\n${t.accountId}`;
    case 'directRole': return `aur\n${t.accountId}\n${t.userId}\n${t.roleId}`;
    case 'partnerAccess': return `pa\n${t.serviceId}\n${t.accountId}\n${t.userId}`;
  }
};

const bucket = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/**
 * The removes of a review as one plan (DESIGN.md "Plan files", resolved form): removes that share
 * a group and role (or an account and role, or a service and account) become one op, so a
 * review of 300 rows is a handful of ops in the preview. Keeps change nothing.
 */
export const decisionsToPlan = (decisions: readonly Decision[]): PlanOp[] => {
  const groupRole = new Map<string, string[]>();
  const groupAccounts = new Map<string, string[]>();
  const direct = new Map<string, string[]>();
  const partner = new Map<string, string[]>();
  for (const d of decisions) {
    if (d.verdict !== 'remove') continue;
    const t = d.target;
    if (t.type === 'groupUserRole') bucket(groupRole, `${t.groupId}\n${t.roleId}`, t.userId);
    else if (t.type === 'groupAccount') bucket(groupAccounts, t.groupId, t.accountId);
    else if (t.type === 'directRole') bucket(direct, `${t.accountId}\n${t.roleId}`, t.userId);
    else bucket(partner, `${t.serviceId}\n${t.accountId}`, t.userId);
  }
  const uniq = (xs: string[]) => [...new Set(xs)];
  const split = (k: string) => k.split('\n') as [string, string];
  const ops: PlanOp[] = [];
  for (const [k, users] of groupRole) {
    const [groupId, roleId] = split(k);
    ops.push({ op: 'group.removeUserRoles', groupId, userIds: uniq(users), roleIds: [roleId] });
  }
  for (const [groupId, accountIds] of groupAccounts) ops.push({ op: 'group.removeAccounts', groupId, accountIds: uniq(accountIds) });
  for (const [k, users] of direct) {
    const [accountId, roleId] = split(k);
    ops.push({ op: 'account.removeUserRoles', accountId, userIds: uniq(users), roleIds: [roleId] });
  }
  for (const [k, users] of partner) {
    const [serviceId, accountId] = split(k);
    ops.push({ op: 'partner.revoke', serviceId, accountIds: [accountId], userIds: uniq(users) });
  }
  return ops;
};

/** Whether the reviewed thing is still there in `s` (a remove of it would change something). */
export const targetHolds = (s: AccessState, t: ReviewTarget): boolean => {
  switch (t.type) {
    case 'groupUserRole': return s.userGroupRoles.getSet(t.userId, t.groupId)?.has(t.roleId) ?? false;
    case 'groupAccount': return s.groupAccounts.has(t.groupId, t.accountId);
    case 'directRole': return s.aurRoles.has(pair(t.accountId, t.userId), t.roleId);
    case 'partnerAccess': return s.partner.has(pair(t.accountId, t.userId), t.serviceId);
  }
};

/**
 * The removes still to make: those whose target `s` still holds. With `s` the view with queued
 * changes, a review whose plan was queued or has landed has none left, and one whose plan partly
 * failed (or that gained removes since) has just those.
 */
export const removesLeft = (s: AccessState, decisions: readonly Decision[]): Decision[] =>
  decisions.filter((d) => d.verdict === 'remove' && targetHolds(s, d.target));

/** The reviewed thing in words, with names where the snapshot knows them. */
export const describeTarget = (s: AccessState | null, t: ReviewTarget): string => {
  const group = (g: string) => s?.groups.get(g)?.name ?? g;
  const acc = (a: string) => s?.accounts.get(a)?.name ?? a;
  const role = (r: string, at: string) => (s?.roles.has(r) ? roleLabel(s, r, at) : r);
  switch (t.type) {
    case 'groupUserRole': return `${t.userId}: ${role(t.roleId, s?.groups.get(t.groupId)?.accountId ?? '')} in group ${group(t.groupId)}`;
    case 'groupAccount': return `${acc(t.accountId)} in group ${group(t.groupId)}`;
    case 'directRole': return `${t.userId}: direct ${role(t.roleId, t.accountId)} on ${acc(t.accountId)}`;
    case 'partnerAccess': return `${t.userId}: partner access to ${acc(t.accountId)} (${s?.services.get(t.serviceId)?.name ?? t.serviceId})`;
  }
};

/** The removable thing a change added (a drift the reviewer may take back); null for removals. */
export const targetOfChange = (c: { kind: string; groupId?: string; accountId?: string; userId?: string; roleId?: string; serviceId?: string }): ReviewTarget | null => {
  if (c.kind === 'group.accountAdded' && c.groupId && c.accountId) return { type: 'groupAccount', groupId: c.groupId, accountId: c.accountId };
  if (c.kind === 'group.userRoleAdded' && c.groupId && c.userId && c.roleId) return { type: 'groupUserRole', groupId: c.groupId, userId: c.userId, roleId: c.roleId };
  if (c.kind === 'account.userRoleAdded' && c.accountId && c.userId && c.roleId) return { type: 'directRole', accountId: c.accountId, userId: c.userId, roleId: c.roleId };
  if (c.kind === 'partner.accessGranted' && c.serviceId && c.accountId && c.userId) return { type: 'partnerAccess', serviceId: c.serviceId, accountId: c.accountId, userId: c.userId };
  return null;
};
