import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main';
import { parseSnapshot } from '../../../shared/model';
import { startPlatform, type RunningPlatform } from '../../../platform/index';

let p: RunningPlatform;
let dir: string;

const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
};

const plan = (ops: unknown[]): string => {
  const f = path.join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, JSON.stringify({ plan: ops }));
  return f;
};

const flags = () => ['--platform', p.url, '--user', p.user, '--token', p.token, '--rate', '200'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'roster-cli-sync-'));
  p = await startPlatform({ dataDir: path.join(dir, 'db'), port: 0, seed: 'example', adminToken: 'cli-test-token', rate: 200, quiet: true });
});
afterAll(async () => {
  await p?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('roster apply / roster export against the reference platform', () => {
  it('applies a plan (one JSON line per op + summary, exit 0); re-applying changes nothing, every op unchanged', async () => {
    const f = plan([
      { op: 'group.create', name: 'Services 3' },
      { op: 'group.rename', group: 'Services 3', name: 'Services North' },
      { op: 'group.addAccounts', group: 'Services North', accounts: ['docghi-2MV6QS'] },
      { op: 'group.addUserRoles', group: 'Services 1', users: ['ServUser3@boomi.com'], roles: ['Standard User'] },
      { op: 'account.setSupportAccessRole', account: 'docabc-4HX8PL', role: 'Support' },
    ]);
    const first = await run(['apply', ...flags(), '--plan', f]);
    expect(first.code).toBe(0);
    const lines = first.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, -1).map((l) => l.status)).toEqual(Array(5).fill('applied'));
    expect(lines.at(-1).summary).toMatchObject({ ops: 5, applied: 5, failed: 0 });
    const again = await run(['apply', ...flags(), '--plan', f]);
    expect(again.code).toBe(0);
    const second = again.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(second.slice(0, -1).map((l) => l.status)).toEqual(Array(5).fill('unchanged'));
    expect(second.at(-1).summary).toMatchObject({ unchanged: 5, applied: 0 });
  });

  it('R10: sets and then clears a Support Access Role on the platform (null is sent as null)', async () => {
    const set = await run(['apply', ...flags(), '--plan', plan([{ op: 'account.setSupportAccessRole', account: 'docdef-9RT3KW', role: 'Support' }])]);
    expect(set.code).toBe(0);
    const cleared = await run(['apply', ...flags(), '--plan', plan([{ op: 'account.setSupportAccessRole', account: 'docdef-9RT3KW', role: null }])]);
    expect(JSON.parse(cleared.out.split('\n')[0]!)).toMatchObject({ status: 'applied' });
    const snap = JSON.parse((await run(['export', ...flags()])).out);
    expect(snap.Account.find((a: { accountId: string }) => a.accountId === 'docdef-9RT3KW').supportAccessRoleId).toBeUndefined();
  });

  it('exit 1 when an op fails (R3 refusal reported with its reason, the rest applied)', async () => {
    const f = plan([
      { op: 'group.rename', group: 'All Accounts', name: 'Everything' },
      { op: 'group.addAccounts', group: 'Services 2', accounts: ['docabc-4HX8PL'] },
    ]);
    const r = await run(['apply', ...flags(), '--plan', f]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.index === 0)).toMatchObject({ status: 'failed', error: expect.stringMatching(/R3/) });
    expect(lines.find((l) => l.index === 1)).toMatchObject({ status: 'applied' });
  });

  it('exit 2 on bad input: unknown names, bad plan file, bad credentials — nothing changes', async () => {
    const before = await run(['export', ...flags()]);
    const bad = await run(['apply', ...flags(), '--plan', plan([{ op: 'group.addAccounts', group: 'Nope', accounts: ['x'] }])]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown group "Nope"/);
    const missing = await run(['apply', ...flags(), '--plan', path.join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    const auth = await run(['apply', '--platform', p.url, '--user', p.user, '--token', 'wrong-token', '--plan', plan([{ op: 'group.create', name: 'X' }])]);
    expect(auth.code).toBe(2);
    expect(auth.err).toMatch(/401/);
    const after = await run(['export', ...flags()]);
    expect(after.out).toBe(before.out);
  });

  it('exports a snapshot in the DESIGN.md format that parses, with group Resources', async () => {
    const r = await run(['export', ...flags()]);
    expect(r.code).toBe(0);
    const parsed = parseSnapshot(JSON.parse(r.out));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.snapshot.Account).toHaveLength(5);
      expect(parsed.snapshot.AccountGroup.every((g) => g.Resources !== undefined)).toBe(true);
    }
  });
});
