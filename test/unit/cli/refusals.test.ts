import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterInProcess } from './spawn';
import type { Snapshot } from '../../../shared/model';
import { EXAMPLE, exampleSnapshot } from '../../../shared/seeds/example';
import { generateSnapshot } from '../../../shared/seeds/generate';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'roster-cli-refuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => rosterInProcess(...argv);
let n = 0;
const file = (content: unknown) => {
  const p = path.join(dir, `f${++n}.json`);
  writeFileSync(p, JSON.stringify(content));
  return p;
};
const who = (s: Snapshot) => run(['who', '--snapshot', file(s), '--account', EXAMPLE.accounts[0].accountId]);

describe('snapshots with references to records they do not hold are refused (exit 2, named)', () => {
  it.each<[string, (s: Snapshot) => void, RegExp]>([
    ['a link to an unknown group', (s) => s.AccountGroupAccount.push({ accountGroupId: 'ghost-group', accountId: EXAMPLE.accounts[0].accountId }), /AccountGroupAccount ghost-group\/.* refers to unknown group ghost-group/],
    ['a role in a group for an unknown user', (s) => s.AccountGroupUserRole.push({ ...s.AccountGroupUserRole[0]!, id: 'x', userId: 'ghost@example.com' }), /refers to unknown user ghost@example\.com/],
    ['a direct role on an unknown account', (s) => s.AccountUserRole.push({ accountId: 'nowhere-1', userId: EXAMPLE.users[0], roleId: s.AccountGroupUserRole[0]!.roleId }), /refers to unknown account nowhere-1/],
    ['an account listed twice', (s) => s.Account.push({ ...s.Account[1]! }), /account .* is listed more than once/],
    ['a parent cycle', (s) => {
      s.Account[1]!.parentAccountId = s.Account[2]!.accountId;
      s.Account[2]!.parentAccountId = s.Account[1]!.accountId;
    }, /form a parent cycle/],
  ])('%s', async (_what, spoil, message) => {
    const s = exampleSnapshot();
    spoil(s);
    const r = await who(s);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refers to records it does not hold/);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('a whole snapshot still passes', async () => {
    expect((await who(exampleSnapshot())).code).toBe(0);
  });

  it('a snapshot key like "constructor" is an unknown type, not a crash', async () => {
    const r = await run(['who', '--snapshot', file({ ...exampleSnapshot(), constructor: [] }), '--account', EXAMPLE.accounts[0].accountId]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown object type "constructor"/);
  });
});

describe('whatif', () => {
  it('refuses creating a group whose name exists in another case (the platform would answer 409)', async () => {
    const r = await run(['whatif', '--snapshot', file(exampleSnapshot()), '--plan', file({ plan: [{ op: 'group.create', name: 'services 1' }] })]);
    expect(JSON.parse(r.out).refused).toEqual([
      { op: 'group.create', index: 0, reason: expect.stringMatching(/a group named "Services 1" already exists .*regardless of case/) },
    ]);
    const same = await run(['whatif', '--snapshot', file(exampleSnapshot()), '--plan', file({ plan: [{ op: 'group.create', name: 'Services 1' }] })]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.out).refused).toEqual([]);
  });

  it.each([['a NUL', 'Ser\u0000vices', 'a NUL character'], ['a lone surrogate', 'Ser\udc00vices', 'a lone UTF-16 surrogate']])(
    'refuses a group name with %s at parse (exit 2, named), as the platform would',
    async (_what, name, said) => {
      const r = await run(['whatif', '--snapshot', file(exampleSnapshot()), '--plan', file({ plan: [{ op: 'group.create', name }] })]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`plan.0.name: contains ${said}, which the platform refuses`);
    },
  );
});

describe('a platform reached by plain http:// on another machine', () => {
  it.each(['export', 'apply'])('%s refuses it before sending anything (the token would travel in clear; exit 2)', async (command) => {
    const plan = command === 'apply' ? ['--plan', file({ plan: [] })] : [];
    const r = await run([command, '--platform', 'http://api.example.com/api/rest/v1/a', '--user', 'u', '--token', 'tttttttt', ...plan]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plain http:\/\/ to another machine: the API token would travel in clear; use https:\/\//);
    expect(r.out).toBe('');
  });
});

describe('output piped into head', { timeout: 120_000 }, () => {
  let snap = '';
  let busiest = '';
  beforeAll(() => {
    const s = generateSnapshot('partner', 1);
    busiest = s.AccountUserRole[0]?.userId ?? s.User[0]!.userId;
    snap = file(s);
  });
  it('stops quietly when the reader goes away (no EPIPE stack trace)', () => {
    const r = spawnSync('bash', ['-c', `node bin/roster.mjs reach --snapshot '${snap}' --user '${busiest}' | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8', timeout: 90_000 });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.stdout).toMatch(/status=0/);
  });
});

describe('export of an account the user cannot read', { timeout: 120_000 }, () => {
  it('exits 2 with the platform\'s reason instead of printing an empty snapshot', async () => {
    const { startPlatform } = await import('../../../platform');
    const p = await startPlatform({ dataDir: path.join(dir, 'platform'), port: 0, seed: 'example', quiet: true, rate: 0 });
    try {
      const auth = `Basic ${Buffer.from(`BOOMI_TOKEN.${p.user}:${p.token}`).toString('base64')}`;
      const res = await fetch(`http://127.0.0.1:${p.port}/admin/tokens`, { method: 'POST', headers: { Authorization: auth }, body: JSON.stringify({ user: EXAMPLE.users[0] }) });
      const { token } = (await res.json()) as { token: string };
      const r = await run(['export', '--platform', p.url, '--user', EXAMPLE.users[0], '--token', token, '--rate', '200']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/cannot read .*has no access to account|cannot read account/);
      expect(r.out).toBe('');
    } finally {
      await p.close();
    }
  });
});
