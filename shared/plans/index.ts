// The plans API: resolved op types, the public plan-file format, and one module per op kind
// (refuse / unchanged / perform / touches) over the access state.
export * from './types';
export { PlanFile, PlanFileOp, resolvePlanFile, type PlanFileResult } from './file';
export type { OpModule, Touch } from './op';
export { OP_MODULES, opModule } from './registry';
export { applyOps, applyOpToDraft, type OpResult, type OpStatus } from './apply';
