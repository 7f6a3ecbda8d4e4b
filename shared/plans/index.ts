// The plans API: the resolved op types, the public plan-file format, and one module per op kind
// (./ops: schema, rules, effect, API calls, sentence, inverse) over the access state.
export * from './types';
export { PlanFile, PlanFileOp, resolvePlanFile, type PlanFileResult } from './file';
export type { OpModule, Touch } from './op';
export { annotate, callsOf, describeOp, expectationsOf, OP_MODULES, opModule } from './registry';
export { inverseOp, inversePlan, type Inverse } from './inverse';
export { applyOps, applyOpToDraft, type OpResult, type OpStatus } from './apply';
export { whatIf, whatIfSummary, whatIfTotals, type WhatIf, type WhatIfTotals, type AccessChange } from './whatIf';
export { changeLabels, type DiffDigest, type RoleGroup, type SideDigest, type UserGroup } from './diffDigest';
export { namesFrom, type Names } from './describe';
export { ConflictError, type Call, type CallContext, type ConflictInfo, type Expectation } from './call';
export { notificationsOf, notifies, withNotifyUser, type Notifications } from './notify';
export { neverSignedInOf, neverSignedInWarning, type NotSignedIn } from './signIn';
