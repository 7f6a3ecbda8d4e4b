import { z } from 'zod';
import { Account } from './account';
import { AccountGroup } from './accountGroup';
import { AccountGroupAccount, AccountGroupUserRole, AccountUserRole } from './links';
import { Role } from './role';
import { AccountGroupIntegrationPack, AccountSSOConfig, AccountUserFederation, Cloud, IntegrationPack } from './catalogue';
import { Entity, PartnerAccountAccess, PartnerService, PublishedResource, User } from './extensions';
import { NOT_FAST, fastParser } from './fastParse';

/** One schema per object type: the single source for main, renderer, platform and CLI. */
export const ObjectSchemas = {
  Account,
  AccountGroup,
  AccountGroupAccount,
  AccountGroupUserRole,
  AccountUserRole,
  Role,
  AccountSSOConfig,
  AccountUserFederation,
  User,
  Entity,
  PartnerService,
  PartnerAccountAccess,
  Cloud,
  IntegrationPack,
  AccountGroupIntegrationPack,
  PublishedResource,
} as const;

export type ObjectType = keyof typeof ObjectSchemas;
export const OBJECT_TYPES = Object.keys(ObjectSchemas) as ObjectType[];
export const ObjectTypeSchema = z.enum(OBJECT_TYPES as [ObjectType, ...ObjectType[]]);

export type RecordOf<T extends ObjectType> = z.infer<(typeof ObjectSchemas)[T]>;

/** DESIGN.md "snapshot": one object keyed by object type; a missing key means none. */
export type Snapshot = { [T in ObjectType]: RecordOf<T>[] };

export const emptySnapshot = (): Snapshot =>
  Object.fromEntries(OBJECT_TYPES.map((t) => [t, []])) as unknown as Snapshot;

let fastMemo: Record<ObjectType, (v: unknown) => unknown> | undefined;
/** Compiled on first use, so importing the model stays cheap. */
const fastParsers = () =>
  (fastMemo ??= Object.fromEntries(OBJECT_TYPES.map((t) => [t, fastParser(ObjectSchemas[t])])) as Record<ObjectType, (v: unknown) => unknown>);

export interface SnapshotIssue {
  path: string;
  message: string;
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; issues: SnapshotIssue[] };

/**
 * Validates every record of an untrusted snapshot. Unknown top-level keys are refused so a
 * typo ("AccountGroups") is reported instead of silently meaning "none".
 */
export const parseSnapshot = (input: unknown): SnapshotResult => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'a snapshot must be a JSON object keyed by object type' }] };
  }
  const issues: SnapshotIssue[] = [];
  const out = emptySnapshot() as Record<ObjectType, unknown[]>;
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(ObjectSchemas, key)) {
      issues.push({ path: key, message: `unknown object type "${key}"` });
      continue;
    }
    if (!Array.isArray(value)) {
      issues.push({ path: key, message: 'must be an array of records' });
      continue;
    }
    const schema = ObjectSchemas[key as ObjectType];
    const fast = fastParsers()[key as ObjectType];
    const into = out[key as ObjectType];
    for (let i = 0; i < value.length; i++) {
      const rec: unknown = value[i];
      // Plainly valid records skip zod (same result); anything else gets zod's verdict and words.
      const quick = fast(rec);
      if (quick !== NOT_FAST) {
        into.push(quick);
        continue;
      }
      const r = schema.safeParse(rec);
      if (r.success) into.push(r.data);
      else for (const e of r.error.issues) issues.push({ path: `${key}[${i}].${e.path.join('.')}`, message: e.message });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, snapshot: out as unknown as Snapshot };
};

export const formatIssues = (issues: SnapshotIssue[], max = 10): string =>
  issues
    .slice(0, max)
    .map((i) => `${i.path || '(root)'}: ${i.message}`)
    .join('\n') + (issues.length > max ? `\n… and ${issues.length - max} more` : '');
