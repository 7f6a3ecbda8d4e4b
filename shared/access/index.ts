// The rules engine (issue 3): pure, built once per snapshot, answered per user or per account.
import type { Snapshot } from '../model';
import { buildState, type AccessState } from './state';

export type { AccessState, CatalogueEntry } from './state';
export { buildState, forkState, isKnownUser, primaryAccountId, roleLabel, privilegesOf } from './state';
export { evaluate, type Evaluation, type RoleSource, type Via } from './evaluate';
export { explain, type EffectiveAccess, type EffectiveRole, type IgnoredRoleView } from './explain';
export { reach, who, type ReachEntry, type WhoEntry } from './reach';
export { whatIf, type WhatIf, type AccessChange } from './whatIf';
export { accountResources, userResources, type ResourceReach } from './resources';
export { partnerPicker, type PickerQuery, type PickerRow } from './picker';
export { redundantDirectRoles, type RedundantDirectRole } from './redundant';

/** Convenience for callers holding a snapshot: build the indexes once and reuse them. */
export const accessIndex = (snapshot: Snapshot): AccessState => buildState(snapshot);
