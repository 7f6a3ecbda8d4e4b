// The renderer's Resources, Access explorer and Partner areas over the rules engine at
// the large tier: what each screen computes when it opens, measured (never asserted) in ms.
import { generateSnapshot, type Tier } from '../../shared/seeds/generate';
import { buildState, partnerPicker, reach, redundantDirectRoles, who } from '../../shared/access';
import { applyOps } from '../../shared/plans/apply';
import type { PlanOp } from '../../shared/plans/types';
import { RESOURCE_TYPES, resourceRows, sharingIndex } from '../../renderer/src/features/resources/model';
import { accountOptions, filterReach, prepareReachSearch, supportAccessChoices, userOptions } from '../../renderer/src/features/access-explorer/model';
import { serviceAccountRows, serviceRows } from '../../renderer/src/features/partner-access/model';
import { benchTiers, emit } from './emit';

const time = <T>(fn: () => T): { ms: number; value: T } => {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
};

/** 1,000 queued ops (Support Access Role and partner grants), as a busy outbox would hold. */
const pendingOps = (s: ReturnType<typeof buildState>): PlanOp[] => {
  const accounts = s.accounts.keys().slice(0, 900);
  const ops: PlanOp[] = accounts.map((accountId) => ({ op: 'account.setSupportAccessRole', accountId, roleId: null }));
  const svc = s.services.keys()[0]!;
  const svcAccounts = [...(s.serviceAccounts.get(svc) ?? [])];
  const users = s.users.keys().filter((u) => s.users.get(u)!.entityId === s.services.get(svc)!.entityId);
  for (let i = 0; i < 100; i++) ops.push({ op: 'partner.grant', serviceId: svc, accountIds: [svcAccounts[i % svcAccounts.length]!], userIds: [users[i % users.length]!] });
  return ops;
};

const run = (tier: Tier) => {
  const state = buildState(generateSnapshot(tier, 1));
  const m = (metric: string, ms: number, extra: Record<string, unknown> = {}) => emit({ metric, value: ms, unit: 'ms', tier, ...extra });

  const sharing = time(() => sharingIndex(state));
  const rows = time(() => RESOURCE_TYPES.map((t) => resourceRows(state, t.type, sharing.value).length));
  m('resources.open', sharing.ms + rows.ms, { rows: rows.value.reduce((a, b) => a + b, 0) });

  const pickers = time(() => [userOptions(state).length, accountOptions(state).length]);
  m('explorer.pickerOptions', pickers.ms, { users: pickers.value[0], accounts: pickers.value[1] });
  const user = state.users.keys().reduce((best, u) => ((state.userGroupRoles.get(u)?.size ?? 0) > (state.userGroupRoles.get(best)?.size ?? 0) ? u : best));
  const account = state.accounts.keys().reduce((best, a) => ((state.accountGroups.get(a)?.size ?? 0) > (state.accountGroups.get(best)?.size ?? 0) ? a : best));
  const r = time(() => reach(state, user).sort((a, b) => a.name.localeCompare(b.name)));
  m('explorer.reachTable', r.ms, { rows: r.value.length });
  // One keystroke in the reach list's search: a name fragment most accounts share, then a rare one.
  for (const q of ['a', 'energy 24']) {
    const f = time(() => filterReach(r.value, q));
    m('explorer.reachSearch', f.ms, { rows: r.value.length, query: q, shown: f.value.length });
  }
  // A member of All Accounts at the vendor's largest partner (98,000 accounts): the reach list's
  // rows repeated under new ids and names up to that size (flat strings, as records give them),
  // searched the same way.
  const big = Array.from({ length: 98_000 }, (_, i) => {
    const e = r.value[i % r.value.length]!;
    return { ...e, accountId: `${e.accountId}-${i}`, name: `${e.name} ${i}`.normalize() };
  });
  // Focusing the search box lower-cases each row's words once; keystrokes only search.
  m('explorer.reachSearchPrepare', time(() => prepareReachSearch(big)).ms, { rows: big.length });
  for (const q of ['a', 'an', 'energy 24']) {
    const f = time(() => filterReach(big, q));
    m('explorer.reachSearch', f.ms, { rows: big.length, query: q, shown: f.value.length });
  }
  const w = time(() => who(state, account));
  m('explorer.whoTable', w.ms, { rows: w.value.length });
  m('explorer.supportAccessChoices', time(() => supportAccessChoices(state, account)).ms);
  const red = time(() => redundantDirectRoles(state));
  m('explorer.redundantReport', red.ms, { rows: red.value.length });

  const services = time(() => serviceRows(state));
  m('partner.servicesTable', services.ms, { rows: services.value.length });
  const svc = services.value.reduce((a, b) => (b.accounts > a.accounts ? b : a));
  const detail = time(() => serviceAccountRows(state, svc.id));
  m('partner.serviceDetail', detail.ms, { accounts: detail.value.length });
  const picker = time(() => partnerPicker(state, { serviceId: svc.id, accountIds: detail.value.map((d) => d.accountId), mode: 'grant' }));
  m('partner.grantPicker', picker.ms, { rows: picker.value.length });

  const ops = pendingOps(state);
  m('view.confirmedPlusPending1000', time(() => applyOps(state, ops)).ms, { ops: ops.length });
};

for (const tier of benchTiers(['large'])) run(tier as Tier);
