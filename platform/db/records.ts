import type { ObjectType } from '../../shared/model';
import { conflict } from '../errors';

/** What PGlite and its transactions share: enough to run parameterised SQL. */
export interface Q {
  query<T>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[]; affectedRows?: number }>;
}

export type Doc = Record<string, unknown>;

export const getRecord = async (q: Q, type: ObjectType, owners: string[], id: string): Promise<Doc | null> => {
  const r = await q.query<{ doc: Doc }>(`select doc from records where type = $1 and owner = any($2) and id = $3`, [type, owners, id]);
  return r.rows[0]?.doc ?? null;
};

/** Which tenant owns a record, wherever it is: tells "someone else's" (403) from "nothing" (404). */
export const ownerOf = async (q: Q, type: ObjectType, id: string): Promise<string | null> => {
  const r = await q.query<{ owner: string }>(`select owner from records where type = $1 and id = $2 limit 1`, [type, id]);
  return r.rows[0]?.owner ?? null;
};

export const insertRecord = async (q: Q, type: ObjectType, owner: string, id: string, doc: Doc): Promise<void> => {
  const r = await q.query(
    `insert into records (type, owner, id, doc) values ($1, $2, $3, $4) on conflict do nothing`,
    [type, owner, id, JSON.stringify(doc)],
  );
  if (!r.affectedRows) throw conflict(`${type} ${id} already exists`);
};

/** Replaces the JSON of a record; its seq, and so its place in running scans, stays. */
export const updateRecord = async (q: Q, type: ObjectType, owner: string, id: string, doc: Doc): Promise<boolean> => {
  const r = await q.query(`update records set doc = $4 where type = $1 and owner = $2 and id = $3`, [type, owner, id, JSON.stringify(doc)]);
  return (r.affectedRows ?? 0) > 0;
};

export const deleteRecord = async (q: Q, type: ObjectType, owner: string, id: string): Promise<boolean> => {
  const r = await q.query(`delete from records where type = $1 and owner = $2 and id = $3`, [type, owner, id]);
  return (r.affectedRows ?? 0) > 0;
};

export const deleteBy = async (q: Q, type: ObjectType, owner: string, field: string, value: string): Promise<Doc[]> => {
  const r = await q.query<{ doc: Doc }>(
    `delete from records where type = $1 and owner = $2 and (doc->>'${safeField(field)}') = $3 returning doc`,
    [type, owner, value],
  );
  return r.rows.map((x) => x.doc);
};

/** Field names are ours (never the client's) but are still checked before reaching SQL text. */
export const safeField = (field: string): string => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(field)) throw new Error(`bad field name ${field}`);
  return field;
};

export const getMeta = async (q: Q, key: string): Promise<string | null> => {
  const r = await q.query<{ value: string }>(`select value from meta where key = $1`, [key]);
  return r.rows[0]?.value ?? null;
};

export const setMeta = async (q: Q, key: string, value: string): Promise<void> => {
  await q.query(`insert into meta (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`, [key, value]);
};
