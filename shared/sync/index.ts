// shared/sync: the sync engine, pure and transport-injected (DESIGN.md "Data flow"), so main,
// `roster apply` and the tests run the same code.
export * from './types';
export { classifyFailure, equalsAll, queryAll, Refusal, type Failure, type FailureKind, type SyncApi } from '../api/sync';
export { backoffMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export { realClock, seededRandom, type Clock } from './clock';
export { PushEngine, type EngineOptions } from './engine';
export { applyPlanFile, foldCreateRename, PlanInputError, readState, type ApplyLine, type ApplySummary } from './headless';
export { byQueueOrder, MemoryOutboxStore, toOutboxOps, type OutboxStore } from './outbox';
export { exportSnapshot, readGroupResources, scanType, stableJson, type ExportApi, type Scan } from './pull';
export { asState, reconcile, resolveConflict, viewOf, type ReconcileResult, type Resolution } from './reconcile';
export { platformBucket, TokenBucket } from './tokenBucket';
export { pacedFetch, type PacedFetchOptions } from './transport';
