import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/main/services';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { toOutboxOps } from '../../../shared/sync/outbox';
import type { OutboxOp } from '../../../shared/sync/types';
import { bootEmbedded as boot, tempDirs } from './embedded';

/** Main's push service against the real reference platform (embedded, seed 002). */

const tmp = tempDirs('roster-push-');

const links = async (s: Services) =>
  (await s.handlers['platform.pull']({ objectType: 'AccountGroupAccount' })).records as { accountGroupId: string; accountId: string }[];

const addGhiToServices1 = () =>
  toOutboxOps('plan-1', [{ op: 'group.addAccounts', groupId: EXAMPLE.groups.services1, accountIds: [EXAMPLE.accounts[2].accountId] }], exampleSnapshot(), Date.now());

const finalOf = (ops: OutboxOp[], id: string) => ops.filter((o) => o.id === id && ['applied', 'unchanged', 'failed', 'conflict'].includes(o.status)).at(-1);

describe('sync.push (main)', () => {
  let dataDir: string;
  let first: ReturnType<typeof boot>;
  beforeAll(async () => {
    dataDir = tmp();
    first = boot(dataDir);
    await first.services.handlers['connection.get'](undefined);
  });
  afterAll(() => first.services.close());

  it('runs queued ops on the platform, journals them and reports inflight then applied', async () => {
    const [op] = addGhiToServices1();
    await first.services.handlers['sync.push']({ ops: [op!] });
    await expect.poll(() => finalOf(first.ops, op!.id)?.status, { timeout: 15_000 }).toBe('applied');
    expect(first.ops.filter((o) => o.id === op!.id).map((o) => o.status)).toContain('inflight');
    const inS1 = (await links(first.services)).filter((l) => l.accountGroupId === EXAMPLE.groups.services1).map((l) => l.accountId);
    expect(inS1).toContain(EXAMPLE.accounts[2].accountId);
    expect((await first.services.handlers['sync.status'](undefined)).running).toBe(0);
  });

  it('an op the journal already finished is reported again, never resent', async () => {
    const [op] = addGhiToServices1();
    const before = first.ops.length;
    await first.services.handlers['sync.push']({ ops: [op!] });
    const again = first.ops.slice(before);
    expect(again.map((o) => o.status)).toEqual(['applied']);
  });
});

describe('sync.push after a crash', () => {
  it('an op journalled in flight is checked by natural key, not duplicated', async () => {
    const dataDir = tmp();
    // Apply once, then pretend main died before it could record the outcome.
    const a = boot(dataDir);
    const [op] = addGhiToServices1();
    await a.services.handlers['sync.push']({ ops: [op!] });
    await expect.poll(() => finalOf(a.ops, op!.id)?.status, { timeout: 15_000 }).toBe('applied');
    await a.services.close();
    writeFileSync(path.join(dataDir, 'outbox-journal.json'), JSON.stringify([{ ...op!, status: 'inflight' }]));

    const b = boot(dataDir);
    await b.services.handlers['sync.push']({ ops: [op!] });
    await expect.poll(() => finalOf(b.ops, op!.id)?.status, { timeout: 15_000 }).toMatch(/^(unchanged|applied)$/);
    const matching = (await links(b.services)).filter((l) => l.accountGroupId === EXAMPLE.groups.services1 && l.accountId === EXAMPLE.accounts[2].accountId);
    expect(matching).toHaveLength(1);
    await b.services.close();
  });
});
