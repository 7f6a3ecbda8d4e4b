import type { AccountGroup, ObjectType, Snapshot } from '../../model';
import { OBJECT_TYPES } from '../../model';
import { isProvisionalId } from '../../plans/types';

type Rec = Record<string, unknown>;

/** The natural key of each object type the calls touch (links: their parts). */
const KEY_FIELDS: Partial<Record<ObjectType, readonly string[]>> = {
  Account: ['accountId'],
  AccountGroup: ['id'],
  Role: ['id'],
  PartnerService: ['id'],
  AccountGroupAccount: ['accountGroupId', 'accountId'],
  AccountGroupUserRole: ['accountGroupId', 'userId', 'roleId'],
  AccountUserRole: ['accountId', 'userId', 'roleId'],
  PartnerAccountAccess: ['serviceId', 'accountId', 'userId'],
};

export const keyOf = (type: ObjectType, r: Rec): string => (KEY_FIELDS[type] ?? ['id']).map((f) => String(r[f])).join('|');

/**
 * A copy-on-write view over a snapshot, indexed by natural key on first touch, so replaying
 * thousands of pending ops over a large-tier snapshot stays linear (nothing O(ops × records)).
 * The base snapshot (the confirmed tables) is never mutated.
 */
export class Working {
  private readonly maps = new Map<ObjectType, Map<string, Rec>>();

  constructor(private readonly base: Snapshot) {}

  private map(type: ObjectType): Map<string, Rec> {
    let m = this.maps.get(type);
    if (!m) {
      m = new Map();
      for (const r of this.base[type] as unknown as Rec[]) m.set(keyOf(type, r), r);
      this.maps.set(type, m);
    }
    return m;
  }

  get(type: ObjectType, key: string): Rec | undefined {
    return this.map(type).get(key);
  }

  has(type: ObjectType, key: string): boolean {
    return this.map(type).has(key);
  }

  put(type: ObjectType, r: Rec): void {
    this.map(type).set(keyOf(type, r), r);
  }

  delete(type: ObjectType, key: string): void {
    this.map(type).delete(key);
  }

  /** Replaces a record by a changed copy (records are shared with the base and never edited). */
  update(type: ObjectType, key: string, change: (r: Rec) => Rec): void {
    const r = this.get(type, key);
    if (r) this.map(type).set(key, change(r));
  }

  all(type: ObjectType): Rec[] {
    return [...this.map(type).values()];
  }

  /** A provisional id `new:<name>` is the optimistic group itself, else the (non-default) group with that name. */
  group(id: string): AccountGroup | undefined {
    const exact = this.get('AccountGroup', id) as AccountGroup | undefined;
    if (exact || !isProvisionalId(id)) return exact;
    const name = id.slice('new:'.length);
    return this.all('AccountGroup').find((g) => g.name === name && !g.defaultGroup) as AccountGroup | undefined;
  }

  groupId(id: string): string {
    return this.group(id)?.id ?? id;
  }

  /** The primary account: account groups enabled and no parent (R1). */
  primaryAccountId(): string {
    const p = this.base.Account.find((a) => a.accountGroupsEnabled && !a.parentAccountId);
    return p?.accountId ?? this.base.AccountGroup[0]?.accountId ?? 'primary';
  }

  snapshot(): Snapshot {
    const out = { ...this.base } as Record<ObjectType, unknown[]>;
    for (const t of OBJECT_TYPES) if (this.maps.has(t)) out[t] = [...this.maps.get(t)!.values()];
    return out as unknown as Snapshot;
  }
}
