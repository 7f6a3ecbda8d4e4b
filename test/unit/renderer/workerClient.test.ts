import { describe, expect, it } from 'vitest';
import { replyWhenDone, workerClient, type WorkerReply } from '../../../renderer/src/domain/workerClient';

type Req = { id: number; n: number };

/** A worker that answers each request with n * 2 (or fails on n < 0), in the reverse order of asking. */
const fakeWorker = () => {
  const sent: Req[] = [];
  const w = {
    onmessage: null as ((e: { data: WorkerReply }) => void) | null,
    onerror: null as ((e: { message: string }) => void) | null,
    postMessage: (m: Req) => sent.push(m),
    answerAll: async () => {
      for (const r of [...sent].reverse()) {
        replyWhenDone((m) => w.onmessage!({ data: m }), r.id, r.n < 0 ? Promise.reject(new Error(`no ${r.n}`)) : Promise.resolve(r.n * 2));
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
  return { w, sent };
};

describe('workerClient', () => {
  it('matches each answer to its request by id, whatever the order, and a failure rejects only its own request', async () => {
    const { w } = fakeWorker();
    const c = workerClient<Req>('test', () => w as unknown as Worker);
    const inPage = () => Promise.reject(new Error('ran in the page'));
    const a = c.ask((id) => ({ id, n: 1 }), inPage);
    const b = c.ask((id) => ({ id, n: -1 }), inPage);
    const d = c.ask((id) => ({ id, n: 5 }), inPage);
    const answers = Promise.all([expect(a).resolves.toBe(2), expect(b).rejects.toThrow('no -1'), expect(d).resolves.toBe(10)]);
    await w.answerAll();
    await answers;
  });

  it('a worker that dies rejects every unanswered request with its message', async () => {
    const { w } = fakeWorker();
    const c = workerClient<Req>('test', () => w as unknown as Worker);
    const a = c.ask((id) => ({ id, n: 1 }), () => Promise.resolve(0));
    const b = c.ask((id) => ({ id, n: 2 }), () => Promise.resolve(0));
    const answers = Promise.all([a, b].map((p) => expect(p).rejects.toThrow('the test worker failed')));
    w.onerror!({ message: '' });
    await answers;
  });

  it('where no worker can be made, asks run in the page and tells send nothing', async () => {
    let made = 0;
    const c = workerClient<Req>('test', () => {
      made++;
      throw new Error('Worker is not defined');
    });
    await expect(c.ask((id) => ({ id, n: 1 }), () => Promise.resolve('in page'))).resolves.toBe('in page');
    expect(c.tell((id) => ({ id, n: 1 }))).toBe(false);
    expect(made).toBe(1); // tried once per window, not per request
  });

  it('a tell goes to the worker with an id of its own and expects no answer', () => {
    const { w, sent } = fakeWorker();
    const c = workerClient<Req>('test', () => w as unknown as Worker);
    expect(c.tell((id) => ({ id, n: 3 }))).toBe(true);
    void c.ask((id) => ({ id, n: 4 }), () => Promise.resolve(0));
    expect(sent.map((r) => r.id)).toEqual([1, 2]);
  });
});
