import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { ABC, GHI, P1, P2, R, SVC, U1, U3, neverSignedIn, withService } from '../access/fixtures';
import { ROOT as root, roster, rosterInProcess, scratchDir } from './spawn';

const { at, file } = scratchDir('roster-cli-');
const snap = file('snap.json', JSON.stringify(withService(exampleSnapshot())));

// Each case spawns a process (tsx start-up ~0.5 s); a loaded CI machine needs the slack.
describe('roster CLI', { timeout: 180_000 }, () => {
  it('explain prints the issue\'s JSON shape for the worked example and exits 0', () => {
    const r = roster('explain', '--snapshot', snap, '--user', U1, '--account', GHI);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['userId', 'accountId', 'canLogIn', 'via', 'roles', 'privileges', 'cappedBy', 'ignored', 'reasons']);
    expect(j).toMatchObject({ userId: U1, accountId: GHI, canLogIn: true, via: 'group', cappedBy: null, ignored: [] });
    expect(j.roles.map((x: { name: string }) => x.name)).toEqual(['Support']);
  });

  it('who and reach list users and accounts with the way in and role names', () => {
    const w = roster('who', '--snapshot', snap, '--account', ABC);
    expect(w.code).toBe(0);
    expect(JSON.parse(w.out).find((x: { userId: string }) => x.userId === U1)).toMatchObject({ via: 'group', roles: ['Standard User', 'Support'] });
    const r = roster('reach', '--snapshot', snap, '--user', U1);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((x: { accountId: string; via: string }) => `${x.accountId}:${x.via}`)).toContain(`${P1}:partner`);
  });

  it('whatif returns gains, losses, lock-outs and refusals for a plan file', () => {
    const plan = file('plan.json', JSON.stringify({ plan: [
      { op: 'group.removeUserRoles', group: 'All Accounts', users: [U1], roles: ['Support'] },
      { op: 'group.rename', group: 'All Accounts', name: 'Everyone' },
    ] }));
    const r = roster('whatif', '--snapshot', snap, '--plan', plan);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['gains', 'losses', 'lockedOut', 'leavesAccount', 'refused', 'notifications', 'neverSignedIn']);
    expect(j.lockedOut).toHaveLength(2);
    expect(j.refused).toEqual([{ op: 'group.rename', index: 1, reason: expect.stringMatching(/^R3: /) }]);
  });

  it('whatif says the notification e-mails the adds would send (none unless the plan says notifyUser) and who leaves an account with their last direct role', () => {
    const add = file('notify.json', JSON.stringify({ plan: [{ op: 'group.addUserRoles', group: 'Services 1', users: [U3], roles: ['Browse Only'] }] }));
    const quiet = JSON.parse(roster('whatif', '--snapshot', snap, '--plan', add).out);
    expect(quiet.notifications).toEqual({ emails: 1, users: 1, send: false });
    expect(quiet.neverSignedIn).toEqual([]);
    // Where ServUser3's User record says never signed in, the platform will refuse the group add.
    const unsigned = file('unsigned.json', JSON.stringify(neverSignedIn(withService(exampleSnapshot()))));
    expect(JSON.parse(roster('whatif', '--snapshot', unsigned, '--plan', add).out).neverSignedIn).toEqual([{ userId: U3, name: 'Serv User3', groups: ['Services 1'], warning: expect.stringMatching(/^Serv User3 \(ServUser3@boomi\.com\) has never signed in: .*“Services 1” will fail until they sign in/) }]);
    const loud = file('loud.json', JSON.stringify({ plan: [{ op: 'group.addUserRoles', group: 'Services 1', users: [U3], roles: ['Browse Only'], notifyUser: true }] }));
    expect(JSON.parse(roster('whatif', '--snapshot', snap, '--plan', loud).out).notifications).toEqual({ emails: 1, users: 1, send: true });
    const s = JSON.parse(readFileSync(snap, 'utf8')) as { AccountUserRole: unknown[] };
    s.AccountUserRole.push({ '@type': 'AccountUserRole', id: 'aur-last', accountId: ABC, userId: U3, roleId: R.Support });
    const withDirect = file('direct.json', JSON.stringify(s));
    const remove = file('remove.json', JSON.stringify({ plan: [{ op: 'account.removeUserRoles', account: ABC, users: [U3], roles: ['Support'] }] }));
    expect(JSON.parse(roster('whatif', '--snapshot', withDirect, '--plan', remove).out).leavesAccount).toEqual([{ userId: U3, accountId: ABC }]);
  });

  it('picker lists users with their current access (R26)', () => {
    const r = roster('picker', '--snapshot', snap, '--service', SVC, '--accounts', `${P1},${P2}`, '--mode', 'grant', '--search', 'servuser3');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ userId: U3, name: 'Serv User3', currentAccess: 0 }]);
  });

  it('bad input exits 2 with a clear message on stderr and nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['explain', '--snapshot', at('missing.json'), '--user', U1, '--account', ABC], /snapshot file not found/],
      [['explain', '--snapshot', file('bad.json', '{"Account": ['), '--user', U1, '--account', ABC], /not valid JSON/],
      [['who', '--snapshot', file('invalid.json', '{"Account":[{"name":"no id"}]}'), '--account', ABC], /failed validation:\nAccount\[0\]\.accountId/],
      [['explain', '--snapshot', snap, '--user', 'ghost@x.com', '--account', ABC], /unknown user "ghost@x.com"/],
      [['whatif', '--snapshot', snap, '--plan', file('p.json', '{"plan":[{"op":"role.delete","role":"Wizard"}]}')], /unknown role "Wizard"/],
      [['picker', '--snapshot', snap, '--service', SVC, '--accounts', P1, '--mode', 'steal'], /--mode must be grant or revoke/],
      [['reach', '--snapshot', snap, '--user', U1, '--colour', 'red'], /unknown flag --colour/],
      // A typo'd flag at the end is named as unknown, not as one needing a value.
      [['who', '--snapshot', snap, '--account', ABC, '--acount'], /^roster: who: unknown flag --acount \(who takes --snapshot --account\)\n$/],
      [['who', '--snapshot', snap, '--account'], /^roster: flag --account needs a value\n$/],
      [['who', '--snapshot', file('text.json', 'not json\n'), '--account', ABC], /^roster: snapshot file .* is not valid JSON: [^\n]*\n$/],
      [['export', '--platform', 'not-a-url', '--user', U1, '--token', 'secret-token'], /^roster: --platform must be the API URL, https:\/\/…\/api\/rest\/v1\/<accountId> \(got not-a-url\)\n$/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    // The first as its own process (the exit code and streams a user sees), the rest in this one.
    for (const [i, [args, message]] of cases.entries()) {
      const r = i === 0 ? roster(...args) : await rosterInProcess(...args);
      expect({ args, code: r.code, out: r.out }).toEqual({ args, code: 2, out: '' });
      expect(r.err).toMatch(message);
    }
  });

  it('--help prints the usage on stdout with exit 0, for roster and for each command', async () => {
    const all = await rosterInProcess('--help');
    expect({ code: all.code, err: all.err }).toEqual({ code: 0, err: '' });
    expect(all.out).toMatch(/^usage: roster <command> \[flags\]\n {2}explain --snapshot F/);
    const one = await rosterInProcess('report', '--help');
    expect(one).toEqual({ code: 0, err: '', out: 'usage: roster report --snapshot S --table access|layout --format csv|html|pdf [--out F]\n' });
  });

  it('npm run --silent roster prints only JSON on stdout', () => {
    const r = spawnSync('npm', ['run', '--silent', 'roster', '--', 'explain', '--snapshot', snap, '--user', U1, '--account', ABC], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).via).toBe('group');
  });

  it('runs from a plain-JavaScript bundle that registers every command cli/main.ts does', async () => {
    expect(roster('who', '--snapshot', snap, '--account', ABC).code).toBe(0);
    const bundle = path.join(root, 'out/cli/roster.mjs');
    // No tsx: node runs the bundle by itself, and it answers as the sources do.
    const r = spawnSync(process.execPath, [bundle, 'who', '--snapshot', snap, '--account', ABC], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(roster('who', '--snapshot', snap, '--account', ABC).out));
    const built = (await import(pathToFileURL(bundle).href)) as { COMMANDS: Record<string, unknown> };
    const { COMMANDS } = await import('../../../cli/main');
    expect(Object.keys(built.COMMANDS).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('gen writes a valid, deterministic tier snapshot', () => {
    const gen = () => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/gen.ts'), '--tier', 'partner', '--seed', '4'], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    const a = gen();
    expect(a.status).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(j.Account).toHaveLength(1000);
    expect(gen().stdout).toBe(a.stdout);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/gen.ts'), '--tier', 'galactic'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--tier must be one of/);
    // A typo'd flag is refused, not ignored (it used to write the example tier).
    const typo = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli/gen.ts'), '--tier', 'partner', '--sed', '4'], { cwd: root, encoding: 'utf8' });
    expect({ status: typo.status, out: typo.stdout }).toEqual({ status: 2, out: '' });
    expect(typo.stderr).toMatch(/^roster gen: Unknown option '--sed'; usage: /);
  });
});
