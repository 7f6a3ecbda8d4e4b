import { db } from '../../app/db';
import { compareSides, warmSide, type CompareResult, type CompareSide } from './compare';
import type { CompareRequest } from './compareWorker';

type Reply = { id: number; result: CompareResult } | { id: number; error: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (r: CompareResult) => void; reject: (e: Error) => void }>();

/** One compare worker per window, made on first use; where workers are unavailable it runs in the page. */
const getWorker = (): Worker | null => {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (!w) return;
      if ('error' in e.data) w.reject(new Error(e.data.error));
      else w.resolve(e.data.result);
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(e.message || 'the compare worker failed'));
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
};

export const compare = (before: CompareSide, after: CompareSide): Promise<CompareResult> => {
  const w = getWorker();
  if (!w) return compareSides(db, before, after);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, before, after } satisfies CompareRequest);
  });
};

/** Builds a baseline's indexes in the worker ahead of a compare (the Baselines view opening). */
export const warmCompare = (side: CompareSide): void => {
  const w = getWorker();
  if (w) w.postMessage({ id: nextId++, warm: side } satisfies CompareRequest);
  else void warmSide(db, side).catch(() => undefined);
};
