/**
 * One table holds every object type as its API JSON (`doc`), keyed by type, owning primary
 * account (the tenant: every query is scoped by it) and id. `seq` orders QUERY results and makes
 * paging stable: a page resumes after the last seq it returned, so inserts and deletes under a
 * running scan never shift or repeat records. Built-in roles are owned by account "1".
 */
export const SCHEMA = `
create table if not exists meta (key text primary key, value text not null);
create table if not exists records (
  type text not null,
  owner text not null,
  id text not null,
  seq bigserial not null,
  doc jsonb not null,
  primary key (type, owner, id)
);
create table if not exists credentials (
  user_id text not null,
  kind text not null check (kind in ('token', 'password')),
  secret_hash text not null,
  created_at timestamptz not null default now(),
  primary key (user_id, kind, secret_hash)
);
`;

/**
 * Indexes are built after the first bulk load (building them once over the loaded rows is far
 * cheaper than maintaining them row by row during it); on reopen these are no-ops.
 */
export const INDEXES = `
create index if not exists records_scan on records (type, owner, seq);
create index if not exists records_id on records (type, id);
create index if not exists records_account on records (type, owner, (doc->>'accountId'));
create index if not exists records_group on records (type, owner, (doc->>'accountGroupId'));
create index if not exists records_user on records (type, owner, (doc->>'userId'));
create index if not exists records_role on records (type, owner, (doc->>'roleId'));
create index if not exists records_service on records (type, owner, (doc->>'serviceId'));
`;
