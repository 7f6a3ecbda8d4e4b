/**
 * Requests to a module worker, answered by id. A worker replies `{ id, value }` or `{ id, error }`
 * (`replyWhenDone` on its side); where workers are unavailable (a worker-less page) the work runs
 * in the page instead. The worker is made on first use, one per window.
 */
export type WorkerReply = { id: number; value: unknown } | { id: number; error: string };

export const workerClient = <Request>(name: string, make: () => Worker) => {
  let worker: Worker | null | undefined;
  let nextId = 1;
  /** Requests sent and not answered yet, by id. */
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();

  const get = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = make();
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        const w = waiting.get(e.data.id);
        if (!w) return;
        waiting.delete(e.data.id);
        if ('error' in e.data) w.reject(new Error(e.data.error));
        else w.resolve(e.data.value);
      };
      worker.onerror = (e) => {
        for (const w of waiting.values()) w.reject(new Error(e.message || `the ${name} worker failed`));
        waiting.clear();
      };
    } catch {
      worker = null;
    }
    return worker;
  };

  return {
    /** Asks the worker (`message` gets the request's id) and waits for its answer, or runs `inPage`. */
    ask<T>(message: (id: number) => Request, inPage: () => Promise<T>): Promise<T> {
      const w = get();
      if (!w) return inPage();
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        w.postMessage(message(id));
      });
    },
    /** Sends what needs no answer (a warm-up); returns false, having sent nothing, where there is no worker. */
    tell(message: (id: number) => Request): boolean {
      const w = get();
      if (!w) return false;
      w.postMessage(message(nextId++));
      return true;
    },
  };
};

/** The worker's side: answers request `id` with what `work` resolves to, or with why it failed. */
export const replyWhenDone = (post: (reply: WorkerReply) => void, id: number, work: Promise<unknown>): void => {
  work.then(
    (value) => post({ id, value }),
    (err: Error) => post({ id, error: err?.message ?? String(err) }),
  );
};
