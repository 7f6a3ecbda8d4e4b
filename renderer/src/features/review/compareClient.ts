import { db } from '../../app/db';
import { workerClient } from '../../domain/workerClient';
import { compareSides, warmSide, type CompareResult, type CompareSide } from './compare';
import type { CompareRequest } from './compareWorker';

/** One compare worker per window; where workers are unavailable the compare runs in the page. */
const compareWorker = workerClient<CompareRequest>('compare', () => new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module' }));

export const compare = (before: CompareSide, after: CompareSide): Promise<CompareResult> =>
  compareWorker.ask((id) => ({ id, before, after }), () => compareSides(db, before, after));

/** Builds a baseline's indexes in the worker ahead of a compare (the Baselines view opening). */
export const warmCompare = (side: CompareSide): void => {
  if (!compareWorker.tell((id) => ({ id, warm: side }))) void warmSide(db, side).catch(() => undefined);
};
