/**
 * The rules engine: pure TypeScript, for the renderer, main and the CLI alike.
 *
 *   const st = buildState(snapshot);          // indexes, once per snapshot (O(records))
 *   explain(st, userId, accountId);          // EffectiveAccess with its reasons (R6–R13, R16, R25)
 *   reach(st, userId); who(st, accountId);   // per user / per account, never users × accounts
 *   accountResources / userResources (R24), partnerPicker (R26, R27), partnerServices /
 *   partnerServiceDetail (R29), redundantDirectRoles
 *
 * Optimistic view (confirmed ⊕ pending): `applyOps(st, pendingOps).state` from shared/plans is
 * a copy-on-write fork; every function here answers on it as on the confirmed state. A plan's
 * access diff (`whatIf`) applies ops, so it lives in shared/plans.
 */

export type { AccessState, CatalogueEntry } from './state';
export { buildState, forkState, isKnownUser, primaryAccountId, roleLabel, privilegesOf } from './state';
export { evaluate, type Evaluation, type RoleSource, type Via } from './evaluate';
export { explain, type ExplainVoice, type EffectiveAccess, type EffectiveRole, type IgnoredRoleView } from './explain';
export { reach, who, type ReachEntry, type WhoEntry } from './reach';
export { accountResources, userResources, type ResourceReach } from './resources';
export { partnerPicker, type PickerQuery, type PickerRow } from './picker';
export { redundantDirectRoles, type RedundantDirectRole } from './redundant';
export { partnerServices, partnerServiceDetail, type ServiceRow, type ServiceDetail } from './services';
export { accountsInGroup, groupsOf, groupsOfAccount, usersInGroup } from './queries';

export { supportAccessOf, knownSupportAccessRole, markUnknownAccountFields, markVendorShapedAccounts, isUnknown, SUPPORT_ACCESS_UNKNOWN, SUPPORT_ACCESS_NOT_SETTABLE, AUS_NOT_SETTABLE, anySupportAccessUnknown, type SupportAccessKnowledge } from './supportAccess';
