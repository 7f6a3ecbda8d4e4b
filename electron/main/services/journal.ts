import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { byQueueOrder, type OutboxStore } from '../../../shared/sync/outbox';
import { isFinal, opKey, type OpRef, type OutboxOp } from '../../../shared/sync/types';
import { writeFileDurably } from './durable';

export interface JournalEvents {
  /** A write failed: the queue must wait (nothing may be sent that the journal does not hold). */
  failed(message: string): void;
  /** A write succeeded after failures: the queue may go on. */
  recovered(): void;
  /** The journal could not be read: it was moved to `keptAs`, untouched, and a new one begun. */
  setAside(keptAs: string, reason: string): void;
}

/**
 * A journal entry as read from disk. Journals written before ops carried a `round` named a
 * re-sent op `<id>~r<round>` and kept a `kind` beside `args`: such entries are read as the same
 * op with its round, so an upgrade neither resends a finished op nor forgets one in flight.
 */
export const fromDisk = (entry: unknown): OutboxOp | undefined => {
  const e = entry as (Partial<OutboxOp> & { kind?: unknown }) | null;
  if (!e || typeof e.id !== 'string') return undefined;
  const { kind: _kind, ...op } = e;
  if (typeof op.round === 'number') return op as OutboxOp;
  const legacy = /^(.+)~r(\d+)$/.exec(e.id);
  return { ...op, id: legacy ? legacy[1]! : e.id, round: legacy ? Number(legacy[2]) : 0 } as OutboxOp;
};

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
/** Final ops the renderer never confirmed (it was closed first) are forgotten after a week. */
const FORGET_FINAL_MS = 7 * 24 * 3600_000;

/**
 * Main's write-ahead journal of pushed ops (DESIGN.md, Push: "nothing is lost on crash"). The
 * push engine saves every status change here before acting on it, so after a crash an op that
 * was in flight is checked by natural key before it is sent again. Written whole and durably
 * (temp file, fsync, rename, fsync of the folder), one write at a time.
 *
 * A write that fails (disk full, folder read-only) is retried until it succeeds; until then the
 * put waits, so the engine never acts on a status the disk does not hold, and `failed` lets the
 * push service pause the queue with the reason. A journal that cannot be read is never dropped:
 * it is kept aside under another name and reported.
 */
export class JournalStore implements OutboxStore {
  private ops = new Map<string, OutboxOp>();
  private loaded: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;
  private failing = false;
  /** Why the journal on disk could not be read, while it still could not be moved aside. */
  private unreadable: string | null = null;

  /** Told of every saved status change (main turns them into sync.op events). */
  onChange: (op: OutboxOp) => void = () => {};
  events: JournalEvents = { failed: () => {}, recovered: () => {}, setAside: () => {} };

  constructor(
    private readonly file: string | null,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.file) return;
      let text: string;
      try {
        text = await readFile(this.file, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return; // no journal yet: nothing was in flight
        return this.setAside(`it cannot be read (${(e as Error).message})`).catch(() => undefined);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        return this.setAside(`it is not valid JSON (${(e as Error).message})`).catch(() => undefined);
      }
      if (!Array.isArray(parsed)) return this.setAside('it is not a list of ops').catch(() => undefined);
      const old = this.now() - FORGET_FINAL_MS;
      for (const entry of parsed as unknown[]) {
        const op = fromDisk(entry);
        if (!op) continue;
        if (isFinal(op.status) && typeof op.updatedAt === 'number' && op.updatedAt < old) continue;
        this.ops.set(opKey(op), op);
      }
    })();
    return this.loaded;
  }

  /** Moves an unreadable journal aside; if even that fails, writes wait (they must not replace it). */
  private async setAside(reason: string): Promise<void> {
    const file = this.file!;
    const keptAs = `${file}.unreadable-${this.now()}`;
    try {
      await rename(file, keptAs);
      this.unreadable = null;
      this.events.setAside(keptAs, reason);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.unreadable = null; // gone meanwhile: nothing left to keep
        return;
      }
      this.unreadable = reason;
      throw new Error(`it is unreadable (${reason}) and could not be moved aside (${(e as Error).message})`);
    }
  }

  private async writeOnce(file: string): Promise<void> {
    if (this.unreadable) await this.setAside(this.unreadable);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurably(file, JSON.stringify([...this.ops.values()]));
  }

  /** Writes until a write succeeds (failures are reported once, recovery too). */
  private async writeUntilDone(file: string): Promise<void> {
    for (let wait = RETRY_MIN_MS; ; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
      try {
        await this.writeOnce(file);
        if (this.failing) {
          this.failing = false;
          this.events.recovered();
        }
        return;
      } catch (e) {
        if (!this.failing) {
          this.failing = true;
          this.events.failed(`the push journal ${file} cannot be written (${(e as Error).message}); sending waits until it can`);
        }
        await this.sleep(wait);
      }
    }
  }

  /**
   * Durable once the returned promise settles. Puts that arrive while a write is running share
   * the next write (it serialises the map when it starts), so a burst costs two writes, not one each.
   */
  private persist(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    if (this.next) return this.next;
    const next = this.writing.then(async () => {
      this.next = null;
      await this.writeUntilDone(file);
    });
    this.next = next;
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Whether the last write failed (and writes are being retried). */
  get failed(): boolean {
    return this.failing;
  }

  async put(ops: OutboxOp[]): Promise<void> {
    await this.load();
    for (const op of ops) this.ops.set(opKey(op), structuredClone(op));
    await this.persist();
    for (const op of ops) this.onChange(op);
  }

  async unfinished(): Promise<OutboxOp[]> {
    return (await this.all()).filter((o) => !isFinal(o.status));
  }

  async all(): Promise<OutboxOp[]> {
    await this.load();
    return [...this.ops.values()].map((o) => structuredClone(o)).sort(byQueueOrder);
  }

  /** The journal's record of this round of the op. */
  async get(ref: OpRef): Promise<OutboxOp | undefined> {
    await this.load();
    const op = this.ops.get(opKey(ref));
    return op && structuredClone(op);
  }

  async remove(refs: readonly OpRef[]): Promise<void> {
    await this.load();
    for (const r of refs) this.ops.delete(opKey(r));
    await this.persist();
  }
}
