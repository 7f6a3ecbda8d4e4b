// The invariants a fuzz run must keep.
import type { ObjectType, Snapshot } from '../../shared/model';
import { OBJECT_TYPES } from '../../shared/model';
import { buildState } from '../../shared/access/state';
import { keyOf } from '../../shared/model';
import { holdsIn } from '../../shared/plans/apply';
import { callsOf } from '../../shared/plans/registry';
import { stableJson } from '../../shared/sync/pull';
import type { Call, OutboxOp } from '../../shared/sync/types';
import { verifyShared, type Done } from './verifyShared';

export interface Timing {
  startedAt?: number;
  completedAt?: number;
}

interface Client {
  id: number;
  store: { all(): Promise<OutboxOp[]>; timing: Map<string, Timing> };
  order: Map<string, number>;
  doubtfulCreates: number;
}

/** A snapshot as canonical text (records sorted by natural key; QUERY never carries Resources). */
export const normalized = (s: Snapshot): string =>
  stableJson(
    Object.fromEntries(
      OBJECT_TYPES.map((t) => [
        t,
        (s[t] as unknown as Record<string, unknown>[])
          .map((r) => (t === 'AccountGroup' ? { ...r, Resources: undefined } : r))
          .sort((a, b) => (keyOf(t as ObjectType, a) < keyOf(t as ObjectType, b) ? -1 : 1)),
      ]),
    ),
  );

interface Write {
  client: number;
  /** Engine order within the client: one admin's writes to one key happen in this order. */
  order: number;
  op: OutboxOp;
  call: Call;
  t: Timing;
}

/**
 * For each natural key, the last write must show on the platform. One admin's writes to a key
 * happen in queue order (the engine serialises a key); across admins, by time — unless their
 * windows overlap (a true race, where either outcome is fair).
 */
const lastWriterWins = (writes: Write[], truth: Snapshot): string[] => {
  const byKey = new Map<string, Write[]>();
  for (const w of writes) byKey.set(w.call.key, [...(byKey.get(w.call.key) ?? []), w]);
  const out: string[] = [];
  const world = buildState(truth);
  for (const [key, ws] of byKey) {
    const lastOf = new Map<number, Write>();
    for (const w of ws) if ((lastOf.get(w.client)?.order ?? -1) < w.order) lastOf.set(w.client, w);
    const finals = [...lastOf.values()].sort((a, b) => a.t.completedAt! - b.t.completedAt!);
    const last = finals.at(-1)!;
    const raced = ws.some((w) => w.client !== last.client && w.t.completedAt! > last.t.startedAt!);
    // A failed op may have landed some of its calls: it takes part in races but is not judged.
    const judged = last.op.status === 'applied' || last.op.status === 'unchanged';
    if (judged && !raced && !holdsIn(world, last.call.effect)) out.push(`${key}: the last op (${last.op.id} ${last.op.args.op}, ${last.op.status}) does not hold on the platform`);
  }
  return out;
};

/** R28: access through a service to an account that has left it is gone by design; such links are not judged. */
const leftService = (key: string, truth: Snapshot): boolean => {
  const [tag, serviceId, accountId] = key.split('|');
  return tag === 'PAA' && !truth.PartnerService.find((s) => s.id === serviceId)?.accountIds.includes(accountId!);
};

export const verify = async (o: { initial: Snapshot; truth: Snapshot; clients: Client[] }): Promise<{ violations: string[]; residual: number }> => {
  const v: string[] = [];
  const done: Done[] = [];
  const writes: Write[] = [];
  let created = 0;
  const before = new Set(o.initial.AccountGroup.map((g) => g.id));
  const newGroups = o.truth.AccountGroup.map((g) => g.id).filter((id) => !before.has(id));
  for (const c of o.clients) {
    for (const op of await c.store.all()) {
      if (op.status === 'pending' || op.status === 'inflight') v.push(`client ${c.id}: op ${op.id} (${op.args.op}) is still ${op.status}`);
      if (op.args.op === 'group.create' && op.status === 'applied') created++;
      const t = c.store.timing.get(op.id) ?? {};
      if (t.startedAt === undefined || t.completedAt === undefined) continue;
      done.push({ client: c.id, op, t: { startedAt: t.startedAt, completedAt: t.completedAt } });
      // Groups made during the run are also reached through their provisional ids (new:<name>),
      // a second spelling of the same key: only the groups that existed before are judged here.
      const fresh = (key: string) => key.includes('new:') || key.startsWith('GROUP|') || newGroups.some((g) => key.includes(g));
      for (const call of callsOf(op.args)) if (!fresh(call.key) && !leftService(call.key, o.truth)) writes.push({ client: c.id, order: c.order.get(op.id) ?? -1, op, call, t });
    }
  }
  const names = o.truth.AccountGroup.map((g) => `${g.accountId}/${g.name}`);
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  if (dupes.length) v.push(`duplicated group names on the platform: ${dupes.join(', ')}`);
  // A group's natural key is its name: when another admin renamed it between our dropped create
  // and our check, the create is reported as a conflict (it may have landed), never sent again.
  // Only those reported creates may account for groups beyond the applied ones (seed 156).
  const doubtful = o.clients.reduce((n, c) => n + c.doubtfulCreates, 0);
  const grown = o.truth.AccountGroup.length - o.initial.AccountGroup.length;
  if (grown < created || grown > created + doubtful) v.push(`${created} group.create ops applied (${doubtful} reported as possibly renamed) but the platform has ${grown} new groups (lost or duplicated)`);
  for (const t of ['AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole'] as const) {
    const keys = (o.truth[t] as unknown as Record<string, unknown>[]).map((r) => keyOf(t, r));
    if (new Set(keys).size !== keys.length) v.push(`duplicated ${t} records on the platform`);
  }
  v.push(...lastWriterWins(writes, o.truth));
  const shared = verifyShared(done, o.truth);
  return { violations: [...v, ...shared.violations], residual: shared.residual };
};
