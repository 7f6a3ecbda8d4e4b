import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSecretStore, type Services } from '../../../electron/main/services';
import { JournalStore } from '../../../electron/main/services/journal';
import type { PushStatus } from '../../../shared/ipc';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';
import type { OutboxOp } from '../../../shared/sync/types';
import { bootEmbedded, tempDirs } from './embedded';

const tmp = tempDirs('roster-journal-');

const op = (id: string, status: OutboxOp['status'], updatedAt = Date.now()): OutboxOp => ({
  id, planId: 'p', seq: Number(id.slice(1)), round: 0, args: { op: 'group.rename', groupId: 'g', name: id },
  precondition: { expect: [] }, status, attempts: 0, createdAt: 1, updatedAt,
});

describe('the push journal under faults', () => {
  it('an unreadable journal is kept aside untouched and reported, never dropped', async () => {
    const d = tmp();
    const file = path.join(d, 'journal.json');
    writeFileSync(file, '[{"id":"o1","status":"inflight"'); // cut short by a crash of an older version
    const reports: string[] = [];
    const j = new JournalStore(file, () => 1234);
    j.events = { ...j.events, setAside: (keptAs, reason) => reports.push(`${keptAs}: ${reason}`) };
    expect(await j.all()).toEqual([]);
    expect(reports).toEqual([expect.stringMatching(/journal\.json\.unreadable-1234: it is not valid JSON/)]);
    expect(readFileSync(`${file}.unreadable-1234`, 'utf8')).toBe('[{"id":"o1","status":"inflight"');
    await j.put([op('o2', 'pending')]);
    expect((await new JournalStore(file).all()).map((o) => o.id)).toEqual(['o2']);
  });

  it('a failed write makes the put wait, reports once, and completes when the disk is back', async () => {
    const d = tmp();
    const blocker = path.join(d, 'full');
    writeFileSync(blocker, ''); // a file where the journal's folder should be: every write fails
    const events: string[] = [];
    const j = new JournalStore(path.join(blocker, 'journal.json'), Date.now, () => new Promise((r) => setTimeout(r, 5)));
    j.events = { failed: (m) => events.push(`failed ${m}`), recovered: () => events.push('recovered'), setAside: () => {} };
    let done = false;
    const put = j.put([op('o1', 'inflight')]).then(() => (done = true));
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatch(/^failed the push journal .* cannot be written .*sending waits until it can/);
    expect(done).toBe(false);
    rmSync(blocker);
    await put;
    expect(events).toEqual([expect.stringMatching(/^failed/), 'recovered']);
    expect((await new JournalStore(path.join(blocker, 'journal.json')).get({ id: 'o1', round: 0 }))?.status).toBe('inflight');
  });

  it('final ops never confirmed by the renderer are forgotten after a week, unfinished ones never', async () => {
    const file = path.join(tmp(), 'journal.json');
    const old = Date.now() - 8 * 24 * 3600_000;
    writeFileSync(file, JSON.stringify([op('o1', 'applied', old), op('o2', 'inflight', old), op('o3', 'applied')]));
    expect((await new JournalStore(file).all()).map((o) => o.id)).toEqual(['o2', 'o3']);
  });

  it('secrets.json is replaced atomically: no temp file left, mode 0600, content whole', async () => {
    const d = tmp();
    const file = path.join(d, 'secrets.json');
    const s = fileSecretStore(file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.set(`k${i % 3}`, `v${i}`)));
    expect(readdirSync(d)).toEqual(['secrets.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toBeTypeOf('object');
  });
});

describe('sync.push with a journal that cannot be written', () => {
  let services: Services;
  let dataDir: string;
  let progress: PushStatus[] = [];
  let ops: OutboxOp[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dataDir = tmp();
    ({ services, ops, progress } = bootEmbedded(dataDir, path.join(dataDir, 'journal', 'outbox-journal.json')));
    await services.handlers['connection.get'](undefined);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await services?.close();
  });

  it('pauses with the reason, sends nothing meanwhile, and finishes the op once the journal can be written', async () => {
    writeFileSync(path.join(dataDir, 'journal'), ''); // the journal's folder is a file: writes fail
    const [o] = toOutboxOps('plan-j', [{ op: 'group.addAccounts', groupId: EXAMPLE.groups.services2, accountIds: [EXAMPLE.accounts[0].accountId] }], exampleSnapshot(), Date.now());
    const pushed = services.handlers['sync.push']({ ops: [o!] });
    await expect.poll(async () => (await services.handlers['sync.status'](undefined)).pausedReason, { timeout: 15_000 }).toBe('journal');
    const status = await services.handlers['sync.status'](undefined);
    expect(status).toMatchObject({ paused: true, journalError: expect.stringMatching(/cannot be written/) });
    expect(progress.some((p) => p.pausedReason === 'journal')).toBe(true);
    expect(ops.filter((x) => x.id === o!.id)).toEqual([]); // nothing reported (nor sent) the journal does not hold
    rmSync(path.join(dataDir, 'journal'));
    await pushed;
    await expect.poll(() => ops.filter((x) => x.id === o!.id).at(-1)?.status, { timeout: 20_000 }).toBe('applied');
    const after = await services.handlers['sync.status'](undefined);
    expect(after.journalError).toBeUndefined();
    expect(after.running).toBe(0);
    expect(unhandled).toEqual([]);
    expect(existsSync(path.join(dataDir, 'journal', 'outbox-journal.json'))).toBe(true);
  });

  it('a finished op is kept in the journal until the renderer says it recorded it', async () => {
    const journal = () => JSON.parse(readFileSync(path.join(dataDir, 'journal', 'outbox-journal.json'), 'utf8')) as OutboxOp[];
    const applied = journal().filter((x) => x.status === 'applied').map((x) => x.id);
    expect(applied).toHaveLength(1);
    const [other] = toOutboxOps('plan-k', [{ op: 'group.rename', groupId: EXAMPLE.groups.services2, name: 'Services Two' }], exampleSnapshot(), Date.now());
    // Another batch that does not carry the first op: it must not be forgotten (it would be sent again).
    await services.handlers['sync.push']({ ops: [other!] });
    expect(journal().map((x) => x.id)).toContain(applied[0]);
    await expect.poll(() => ops.filter((x) => x.id === other!.id).at(-1)?.status, { timeout: 20_000 }).toBe('applied');
    await services.handlers['sync.push']({ ops: [other!], recorded: applied.map((id) => ({ id, round: 0 })) });
    expect(journal().map((x) => x.id)).not.toContain(applied[0]);
  });
});
