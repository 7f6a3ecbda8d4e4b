import { randomBytes } from 'node:crypto';
import { parseLinkId } from '../../shared/model';
import type { Q } from '../db/records';

/** The link types whose ids the vendor synthesises and clients must treat as opaque. */
export const LINK_TYPES = ['AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole'] as const;

/**
 * An id that tells nothing about its parts, shaped like the vendor's (base64url, ~48 characters):
 * a client that rebuilds link ids from their parts fails against it, as it would on the vendor.
 */
export const opaqueId = (): string => randomBytes(36).toString('base64url');

/**
 * `--profile vendor` on a data directory seeded with our derived link ids (shared/model/ids):
 * each such id becomes a random one, once (a reopened directory keeps the ids it was given).
 */
export const opaqueLinkIds = async (q: Q): Promise<number> => {
  const r = await q.query<{ type: string; owner: string; id: string }>(
    `select type, owner, id from records where type = any($1)`,
    [[...LINK_TYPES]],
  );
  const derived = r.rows.filter((x) => parseLinkId(x.id));
  if (derived.length === 0) return 0;
  await q.query(
    `update records r set id = x.nid, doc = jsonb_set(r.doc, '{id}', to_jsonb(x.nid))
     from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x(type, owner, oid, nid)
     where r.type = x.type and r.owner = x.owner and r.id = x.oid`,
    [derived.map((x) => x.type), derived.map((x) => x.owner), derived.map((x) => x.id), derived.map(() => opaqueId())],
  );
  return derived.length;
};
