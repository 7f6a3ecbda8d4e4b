import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { ABC, G, U1 } from '../access/fixtures';
import { roster, rosterInProcess, scratchDir } from './spawn';

const { at, file } = scratchDir('roster-review-');

describe('roster diff and report', { timeout: 180_000 }, () => {
  it('diff prints {changes, access:{gained,lost,changed}} with the change and its access effect', () => {
    const before = file('a.json', JSON.stringify(exampleSnapshot()));
    const after = exampleSnapshot();
    after.AccountGroupAccount = after.AccountGroupAccount.filter((l) => !(l.accountGroupId === G.services1 && l.accountId === ABC));
    const r = roster('diff', '--before', before, '--after', file('b.json', JSON.stringify(after)));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['changes', 'access']);
    expect(Object.keys(j.access)).toEqual(['gained', 'lost', 'changed']);
    expect(j.changes).toEqual([{ kind: 'group.accountRemoved', groupId: G.services1, group: 'Services 1', accountId: ABC, account: 'Doc ABC Company' }]);
    // R8: All Accounts still brings Support, so ServUser1 keeps log-in with fewer roles.
    expect(j.access.changed).toContainEqual({ userId: U1, accountId: ABC, before: ['Standard User', 'Support'], after: ['Support'] });
  });

  it('bad input: a missing file or flag, an unknown table or format → stderr, exit 2, no output file', () => {
    const snap = file('s.json', JSON.stringify(exampleSnapshot()));
    const out = at('never.csv');
    for (const args of [
      ['diff', '--before', snap, '--after', at('missing.json')],
      ['report', '--snapshot', snap, '--table', 'people', '--format', 'csv', '--out', out],
      ['report', '--snapshot', file('bad.json', '{"AccountGroups":[]}'), '--table', 'layout', '--format', 'csv', '--out', out],
    ]) {
      const r = roster(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^roster: /);
      expect(r.out).toBe('');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('an --out the report cannot be written to is bad input named in one line (exit 2), for CSV and PDF alike', async () => {
    const snap = file('s.json', JSON.stringify(exampleSnapshot()));
    for (const [format, dest, message] of [
      ['pdf', at('no-such-folder/r.pdf'), /^roster: --out .*r\.pdf: the folder .*no-such-folder does not exist\n$/],
      ['csv', at('no-such-folder/r.csv'), /^roster: --out .*r\.csv: the folder .*no-such-folder does not exist\n$/],
      ['csv', at(''), /^roster: --out .* is a folder; give a file name\n$/],
    ] as const) {
      const r = await rosterInProcess('report', '--snapshot', snap, '--table', 'layout', '--format', format, '--out', dest);
      expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
      expect(r.err).toMatch(message);
    }
    expect(existsSync(at('no-such-folder'))).toBe(false);
  });

  it('report CSV: DESIGN.md headers, several roles joined with ";"', () => {
    const snap = file('s.json', JSON.stringify(exampleSnapshot()));
    const access = roster('report', '--snapshot', snap, '--table', 'access', '--format', 'csv');
    expect(access.code).toBe(0);
    const lines = access.out.trim().split('\n');
    expect(lines[0]).toBe('userId,accountId,accountName,canLogIn,via,roles,groups');
    expect(lines).toContain(`${U1},${ABC},Doc ABC Company,true,group,Standard User;Support,All Accounts;Services 1`);
    const out = at('layout.csv');
    expect(roster('report', '--snapshot', snap, '--table', 'layout', '--format', 'csv', '--out', out).code).toBe(0);
    const layout = readFileSync(out, 'utf8').trim().split('\n');
    expect(layout[0]).toBe('group,kind,id,name,roles');
    expect(layout).toContain(`Services 1,user,${U1},Serv User1,Standard User`);
  });

  it('report PDF: read back with pdftotext — a section per group and per account, the snapshot time on every page', () => {
    const snap = file('s.json', JSON.stringify(exampleSnapshot()));
    const out = at('layout.pdf');
    const r = roster('report', '--snapshot', snap, '--table', 'layout', '--format', 'pdf', '--out', out);
    expect(r.code, r.err).toBe(0);
    // Written under a temporary name and renamed once complete: nothing else is left beside it.
    expect(readdirSync(dirname(out)).filter((f) => f.includes('layout.pdf'))).toEqual(['layout.pdf']);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    for (const g of ['All Accounts', 'Services 1', 'Services 2']) expect(text).toContain(`Group: ${g}`);
    expect(text).toContain('Account: Doc ABC Company');
    expect(text).toMatch(/ServUser1@boomi\.com\s+group\s+Standard User, Support\s+All Accounts, Services 1/);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toMatch(/Account group layout — as of \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });
});
