import type { Doc, Q } from '../db/records';
import { forbidden, HttpError } from '../errors';
import { BUILT_IN_OWNER } from '../types';

/** Who is asking, as which account, and with which privileges there. */
export interface Ctx {
  user: string;
  accountId: string;
  account: Doc;
  /** The primary account owning the URL's account: every read and write is scoped to it. */
  tenant: string;
  /** The URL's account is the tenant's primary account itself. */
  isPrimary: boolean;
  privileges: Set<string>;
  /** `--profile vendor`: link ids are opaque and the vendor's documented behaviours apply. */
  vendor?: boolean;
  /** The vendor profile's outbox of notification e-mails (a create with notifyUser true sends one). */
  notify?: (n: Notification) => void;
}

/** A notification e-mail the vendor would have sent: one per created link with notifyUser true. */
export interface Notification {
  type: 'AccountGroupUserRole' | 'AccountUserRole';
  userId: string;
  roleId: string;
  /** The group (AccountGroupUserRole) or account (AccountUserRole) the user was added to. */
  on: string;
}

const directRoles = async (q: Q, tenant: string, accountId: string, user: string): Promise<string[]> => {
  const r = await q.query<{ role: string }>(
    `select doc->>'roleId' as role from records
     where type = 'AccountUserRole' and owner = $1 and doc->>'accountId' = $2 and doc->>'userId' = $3`,
    [tenant, accountId, user],
  );
  return r.rows.map((x) => x.role);
};

/** R7: roles the user holds in any group that contains the account. */
const groupRoles = async (q: Q, tenant: string, accountId: string, user: string): Promise<string[]> => {
  const r = await q.query<{ role: string }>(
    `select distinct agur.doc->>'roleId' as role
     from records agur join records aga
       on aga.type = 'AccountGroupAccount' and aga.owner = agur.owner and aga.doc->>'accountGroupId' = agur.doc->>'accountGroupId'
     where agur.type = 'AccountGroupUserRole' and agur.owner = $1 and agur.doc->>'userId' = $2 and aga.doc->>'accountId' = $3`,
    [tenant, user, accountId],
  );
  return r.rows.map((x) => x.role);
};

const privilegesOf = async (q: Q, tenant: string, roleIds: string[]): Promise<Set<string>> => {
  const r = await q.query<{ doc: Doc }>(`select doc from records where type = 'Role' and owner = any($1) and id = any($2)`, [
    [tenant, BUILT_IN_OWNER],
    roleIds,
  ]);
  const out = new Set<string>();
  for (const { doc } of r.rows) {
    const privs = (doc.Privileges as { Privilege?: { name: string }[] } | undefined)?.Privilege ?? [];
    for (const p of privs) out.add(p.name);
  }
  return out;
};

/**
 * Resolves the URL's account for an authenticated user. Unknown accounts and accounts the user
 * has no role on get the same 403, so account ids of other tenants cannot be probed.
 * R9: direct roles on the account win over group roles; R10 caps group-only access.
 */
export const resolveAccess = async (q: Q, accountId: string, user: string): Promise<Ctx> => {
  const r = await q.query<{ owner: string; doc: Doc }>(`select owner, doc from records where type = 'Account' and id = $1`, [accountId]);
  const row = r.rows[0];
  const denied = () => forbidden(`${user} has no access to account ${accountId}`);
  if (!row) throw denied();
  const tenant = row.owner;
  const direct = await directRoles(q, tenant, accountId, user);
  const roles = direct.length ? direct : await groupRoles(q, tenant, accountId, user);
  if (roles.length === 0) throw denied();
  let privileges = await privilegesOf(q, tenant, roles);
  // R10: reached through groups only, the account's Support Access Role caps the privileges.
  const sar = row.doc.supportAccessRoleId;
  if (!direct.length && typeof sar === 'string') {
    const cap = await privilegesOf(q, tenant, [sar]);
    privileges = new Set([...privileges].filter((p) => cap.has(p)));
  }
  if (!privileges.has('API')) throw forbidden(`${user} lacks the API privilege on account ${accountId}`);
  return { user, accountId, account: row.doc, tenant, isPrimary: tenant === accountId, privileges };
};

/** changing account groups (and anything else) needs API + ACCOUNT_ADMIN. */
export const requireAdmin = (ctx: Ctx, what: string): void => {
  if (!ctx.privileges.has('ACCOUNT_ADMIN')) {
    throw new HttpError(403, `${ctx.user} needs the ACCOUNT_ADMIN privilege on account ${ctx.accountId} to ${what}`);
  }
};

/** R1: account groups exist only for a primary account with the feature enabled. */
export const requireGroupsEnabled = (ctx: Ctx): void => {
  if (!ctx.isPrimary) {
    throw forbidden(`account ${ctx.accountId} is not a primary account: account groups exist only for primary accounts (R1)`);
  }
  if (ctx.account.accountGroupsEnabled !== true) {
    throw forbidden(`account groups are not enabled for account ${ctx.accountId} (R1)`);
  }
};

/** Basic credentials: `BOOMI_TOKEN.<user>:<token>` for an API token, `<user>:<password>` otherwise. */
export const parseBasic = (header: string | undefined): { user: string; kind: 'token' | 'password'; secret: string } | null => {
  if (!header || !/^basic /i.test(header)) return null;
  let decoded: string;
  try {
    decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  } catch {
    return null;
  }
  const i = decoded.indexOf(':');
  if (i <= 0) return null;
  const name = decoded.slice(0, i);
  const secret = decoded.slice(i + 1);
  if (name.startsWith('BOOMI_TOKEN.')) return { user: name.slice('BOOMI_TOKEN.'.length), kind: 'token', secret };
  return { user: name, kind: 'password', secret };
};
