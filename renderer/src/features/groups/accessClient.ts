import type { PlanOp } from '../../../../shared/plans/types';
import { db } from '../../app/db';
import { previewAccess, summarise, warmAccessState, type WhatIfSummary } from './accessPreview';
import type { AccessRequest } from './accessWorker';

type Reply = { id: number; diff: WhatIfSummary } | { id: number; error: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (d: WhatIfSummary) => void; reject: (e: Error) => void }>();

/** One worker per window; where workers are unavailable the what-if runs in the page. */
const getWorker = (): Worker | null => {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./accessWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (!w) return;
      if ('error' in e.data) w.reject(new Error(e.data.error));
      else w.resolve(e.data.diff);
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(e.message || 'the access worker failed'));
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
};

export const previewAccessOffThread = (ops: PlanOp[]): Promise<WhatIfSummary> => {
  const w = getWorker();
  if (!w) return previewAccess(db, ops).then(summarise);
  const id = nextId++;
  return new Promise<WhatIfSummary>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, kind: 'preview', ops } satisfies AccessRequest);
  });
};

/** Builds the indexes before the first drop; called once the admin starts selecting. */
export const warmAccessOffThread = (): void => {
  const w = getWorker();
  if (!w) warmAccessState(db, 0);
  else w.postMessage({ id: nextId++, kind: 'warm' } satisfies AccessRequest);
};
