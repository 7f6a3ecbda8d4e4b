/**
 * Link objects have no ids of their own on the vendor's platform: their id is "synthesised"
 * from their parts. We do the same, reversibly, so a link's natural key (DESIGN.md, Push)
 * and its id are one and the same thing.
 */
const toBase64Url = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (s: string): string | null => {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
};

const SEP = '\u001f';

const join = (parts: string[]): string => toBase64Url(parts.join(SEP));
const split = (id: string, n: number): string[] | null => {
  const raw = fromBase64Url(id);
  const parts = raw?.split(SEP);
  return parts && parts.length === n && parts.every((p) => p.length > 0) ? parts : null;
};

export const accountGroupAccountId = (accountGroupId: string, accountId: string): string =>
  join(['AGA', accountGroupId, accountId]);

export const accountGroupUserRoleId = (accountGroupId: string, userId: string, roleId: string): string =>
  join(['AGUR', accountGroupId, userId, roleId]);

export const accountUserRoleId = (accountId: string, userId: string, roleId: string): string =>
  join(['AUR', accountId, userId, roleId]);

export const partnerAccountAccessId = (serviceId: string, accountId: string, userId: string): string =>
  join(['PAA', serviceId, accountId, userId]);

/** Parses a synthesised id back into its parts; null when the id was not made by us. */
export const parseLinkId = (id: string): { kind: string; parts: string[] } | null => {
  const arities: Record<string, number> = { AGA: 3, AGUR: 4, AUR: 4, PAA: 4 };
  const head = fromBase64Url(id)?.split(SEP)[0];
  const n = head ? arities[head] : undefined;
  const parts = n ? split(id, n) : null;
  return parts ? { kind: parts[0]!, parts: parts.slice(1) } : null;
};
