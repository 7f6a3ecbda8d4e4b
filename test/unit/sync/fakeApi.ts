// An in-memory stand-in for the platform, speaking the SyncApi (PlatformClient) shape: enough of
// the reference platform's semantics for the sync engine's unit tests and the fast fuzz
// (409 on a duplicate link, 404 on a missing one, ids assigned on group CREATE, 100 a page),
// with fault injection that mirrors platform/faults.ts: 503/500/drop do nothing, commit-drop
// acts and then fails as a network error.
import { ApiError } from '../../../shared/api';
import type { ObjectType, QueryConfig, Snapshot } from '../../../shared/model';
import { keyOf, ObjectSchemas, OBJECT_TYPES, PAGE_SIZE, parseLinkId } from '../../../shared/model';
import { AGA, AGUR, AUR, PAA } from '../../../shared/plans/calls/links';
import type { SyncApi } from '../../../shared/api/sync';

type Rec = Record<string, unknown>;
export interface FakeFaults {
  p503: number;
  p500: number;
  drop: number;
  commitDrop: number;
}
export const NO_FAULTS: FakeFaults = { p503: 0, p500: 0, drop: 0, commitDrop: 0 };

const LINKS = { AccountGroupAccount: AGA, AccountGroupUserRole: AGUR, AccountUserRole: AUR, PartnerAccountAccess: PAA } as Partial<Record<ObjectType, typeof AGA>>;
const ID_FIELD: Partial<Record<ObjectType, string>> = { Account: 'accountId', User: 'userId', AccountSSOConfig: 'accountId' };

const matches = (r: Rec, e: unknown): boolean => {
  const x = e as { operator: string; property?: string; argument?: string[]; nestedExpression?: unknown[] };
  if (x.operator === 'and') return (x.nestedExpression ?? []).every((n) => matches(r, n));
  if (x.operator === 'or') return (x.nestedExpression ?? []).some((n) => matches(r, n));
  if (x.operator === 'EQUALS') return String(r[x.property!]) === x.argument?.[0];
  throw new ApiError('bad-request', 400, `fake: unsupported operator ${x.operator}`);
};

export class FakeApi implements SyncApi {
  readonly data = new Map<ObjectType, Map<string, Rec>>();
  /** Every write that took effect, in order: what "exactly once" is checked against. */
  readonly commits: { verb: string; type: ObjectType; key: string }[] = [];
  calls = 0;
  faults: FakeFaults = NO_FAULTS;
  /** Set to make every request fail as 401 (expired token). */
  unauthorized = false;
  /** Called after each committed write (the crash test "kills" the client at a chosen commit). */
  afterCommit?: (n: number) => void;
  private nextId = 1;

  constructor(seed: Snapshot, private readonly random: () => number = Math.random) {
    for (const t of OBJECT_TYPES) this.data.set(t, new Map((seed[t] as unknown as Rec[]).map((r) => [this.keyOf(t, r), structuredClone(r)])));
  }

  keyOf(t: ObjectType, r: Rec): string {
    return LINKS[t] ? keyOf(t, r) : String(r[ID_FIELD[t] ?? 'id']);
  }

  table(t: ObjectType): Map<string, Rec> {
    return this.data.get(t)!;
  }

  snapshot(): Snapshot {
    return Object.fromEntries(OBJECT_TYPES.map((t) => [t, [...this.table(t).values()].map((r) => structuredClone(r))])) as unknown as Snapshot;
  }

  /** Decides a fault for one request; `act` runs the write (or read). */
  private async request<T>(act: () => T, write: boolean): Promise<T> {
    this.calls++;
    await Promise.resolve();
    if (this.unauthorized) throw new ApiError('unauthorized', 401, 'HTTP 401: the platform did not accept the credentials');
    const f = this.faults;
    const r = this.random();
    if (r < f.p503) throw new ApiError('rate-limited', 503, 'HTTP 503: rate limit');
    if (r < f.p503 + f.p500) throw new ApiError('server', 500, 'HTTP 500: injected');
    if (r < f.p503 + f.p500 + f.drop) throw new ApiError('network', 0, 'cannot reach the platform: socket hang up');
    const out = act();
    if (write) this.afterCommit?.(this.commits.length);
    if (write && this.random() < f.commitDrop) throw new ApiError('network', 0, 'cannot reach the platform: socket hang up (after commit)');
    return out;
  }

  async *query<T extends ObjectType>(type: T, filter?: QueryConfig) {
    const expr = filter?.QueryFilter?.expression;
    const all = await this.request(() => [...this.table(type).values()].filter((r) => !expr || matches(r, expr)), false);
    for (let i = 0, page = 0; i === 0 || i < all.length; i += PAGE_SIZE, page++) {
      if (page > 0) await this.request(() => undefined, false);
      const chunk = all.slice(i, i + PAGE_SIZE).map((r) => ({ '@type': type, ...structuredClone(r) }));
      const records = chunk.filter((r) => ObjectSchemas[type].safeParse(r).success);
      const quarantined = chunk.filter((r) => !ObjectSchemas[type].safeParse(r).success).map((record, j) => ({ objectType: type, index: i + j, record, issues: ['invalid'] }));
      yield { objectType: type, records: records as never, quarantined, numberOfResults: all.length, pageIndex: page, last: i + PAGE_SIZE >= all.length };
    }
  }

  get = <T extends ObjectType>(type: T, id: string) =>
    this.request(() => {
      const r = this.table(type).get(id);
      if (!r) throw new ApiError('not-found', 404, `HTTP 404: ${type} ${id} not found`);
      return structuredClone(r) as never;
    }, false);

  /** Bulk GET: one request for up to 100 ids, a missing one reported as its item's 404. */
  bulkGet = <T extends ObjectType>(type: T, ids: readonly string[]) =>
    this.request(() => ids.map((id) => {
      const r = this.table(type).get(id);
      return r ? { id, ok: true as const, record: structuredClone(r) as never } : { id, ok: false as const, statusCode: 404, errorMessage: `${type} ${id} not found` };
    }), false);

  create = <T extends ObjectType>(type: T, body: unknown) =>
    this.request(() => {
      const r = { ...(body as Rec) };
      if (type === 'AccountGroup') r.id = `group-${this.nextId++}`;
      const link = LINKS[type];
      if (link) r.id = link.id(link.fields.map((f) => String(r[f])));
      const key = this.keyOf(type, r);
      if (this.table(type).has(key)) throw new ApiError('conflict', 409, `HTTP 409: ${type} ${key} already exists`);
      this.table(type).set(key, r);
      this.commits.push({ verb: 'create', type, key });
      return structuredClone(r) as never;
    }, true);

  update = <T extends ObjectType>(type: T, id: string, body: unknown) =>
    this.request(() => {
      const before = this.table(type).get(id);
      if (!before) throw new ApiError('not-found', 404, `HTTP 404: ${type} ${id} not found`);
      // As the reference platform: a field left out is kept, a field sent as null is cleared.
      const next: Rec = { ...before, ...(body as Rec) };
      for (const k of Object.keys(next)) if (next[k] === null) delete next[k];
      this.table(type).set(id, next);
      if (type === 'PartnerService') this.dropServiceAccess(id, next.accountIds as string[] | undefined);
      this.commits.push({ verb: 'update', type, key: id });
      return structuredClone(next) as never;
    }, true);

  /** R28, as the platform does: access through a service to an account that left it goes too. */
  private dropServiceAccess(serviceId: string, accountIds: string[] = []): void {
    const access = this.table('PartnerAccountAccess');
    for (const [k, r] of access) if (r.serviceId === serviceId && !accountIds.includes(String(r.accountId))) access.delete(k);
  }

  delete = (type: ObjectType, id: string) =>
    this.request(() => {
      const t = this.table(type);
      const key = LINKS[type] ? parseLinkId(id)?.parts.join('|') : id;
      if (key === undefined || !t.has(key)) throw new ApiError('not-found', 404, `HTTP 404: ${type} ${id} not found`);
      if (type === 'Role' && [...this.table('AccountGroupUserRole').values()].some((r) => r.roleId === id)) {
        throw new ApiError('bad-request', 400, `HTTP 400: role ${id} is still assigned (R21)`);
      }
      t.delete(key);
      this.commits.push({ verb: 'delete', type, key });
    }, true);
}

/**
 * The race of fuzz seed 156 on `fake`: the first group CREATE commits, another admin renames the
 * new group to `rename(its name)`, and the answer is lost (a network error carrying `message`).
 */
export const raceFirstGroupCreate = (fake: FakeApi, rename: (name: string) => string, message: string): void => {
  const create = fake.create;
  let armed = true;
  fake.create = async (type, body) => {
    const out = await create(type, body);
    if (armed && type === 'AccountGroup') {
      armed = false;
      const g = fake.table('AccountGroup').get((out as { id: string }).id)!;
      g.name = rename(String(g.name));
      throw new ApiError('network', 0, message);
    }
    return out;
  };
};
