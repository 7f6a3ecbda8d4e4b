import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { byQueueOrder, type OutboxStore } from '../../../shared/sync/outbox';
import { isFinal, type OutboxOp } from '../../../shared/sync/types';

/**
 * Main's write-ahead journal of pushed ops (DESIGN.md, Push: "nothing is lost on crash"). The
 * push engine saves every status change here before acting on it, so after a crash an op that
 * was in flight is checked by natural key before it is sent again. Written whole, atomically
 * (temp file + rename), one write at a time.
 */
export class JournalStore implements OutboxStore {
  private ops = new Map<string, OutboxOp>();
  private loaded: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;

  /** Told of every saved status change (main turns them into sync.op events). */
  onChange: (op: OutboxOp) => void = () => {};

  constructor(private readonly file: string | null) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.file) return;
      try {
        const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
        if (Array.isArray(parsed)) for (const op of parsed as OutboxOp[]) if (op && typeof op.id === 'string') this.ops.set(op.id, op);
      } catch {
        // No journal yet (or an unreadable one): nothing was in flight that we know of.
      }
    })();
    return this.loaded;
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
      const body = JSON.stringify([...this.ops.values()]);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, body);
      await rename(`${file}.tmp`, file);
    });
    this.next = next;
    this.writing = next.catch(() => undefined);
    return next;
  }

  async put(ops: OutboxOp[]): Promise<void> {
    await this.load();
    for (const op of ops) this.ops.set(op.id, structuredClone(op));
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

  async get(id: string): Promise<OutboxOp | undefined> {
    await this.load();
    const op = this.ops.get(id);
    return op && structuredClone(op);
  }

  async remove(ids: string[]): Promise<void> {
    await this.load();
    for (const id of ids) this.ops.delete(id);
    await this.persist();
  }
}
