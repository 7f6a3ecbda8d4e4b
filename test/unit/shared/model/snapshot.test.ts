import { describe, expect, it } from 'vitest';
import { parseSnapshot, parseLinkId, accountGroupUserRoleId, OBJECT_TYPES } from '../../../../shared/model';
import { exampleSnapshot, EXAMPLE } from '../../../../shared/seeds/example';

describe('snapshot schema', () => {
  it('accepts the seed 002 example and keeps every record', () => {
    const r = parseSnapshot(exampleSnapshot());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.Account.map((a) => a.name)).toEqual([
      'Documentation', 'Doc ABC Company', 'Doc DEF Company', 'Doc GHI Company', 'Doc JKL Company',
    ]);
    expect(r.snapshot.AccountGroup.map((g) => g.name).sort()).toEqual(['All Accounts', 'Services 1', 'Services 2']);
    expect(r.snapshot.AccountGroupAccount).toHaveLength(8);
    expect(r.snapshot.AccountGroupUserRole).toHaveLength(8);
  });

  it('treats a missing key as none', () => {
    const r = parseSnapshot({ Account: [{ accountId: 'a-1' }] });
    expect(r.ok && r.snapshot.AccountGroup).toEqual([]);
    expect(r.ok && Object.keys(r.snapshot).sort()).toEqual([...OBJECT_TYPES].sort());
  });

  it('refuses records failing the schema, naming where', () => {
    const r = parseSnapshot({ AccountGroup: [{ id: 'g', accountId: 'p', name: '' }], Acount: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['AccountGroup[0].name', 'Acount']);
  });

  it('refuses names longer than 255 characters', () => {
    const r = parseSnapshot({ AccountGroup: [{ id: 'g', accountId: 'p', name: 'x'.repeat(256) }] });
    expect(r.ok).toBe(false);
  });

  it('refuses a non-object', () => {
    expect(parseSnapshot([]).ok).toBe(false);
    expect(parseSnapshot(null).ok).toBe(false);
  });
});

describe('synthesised link ids', () => {
  it('round-trip to their parts', () => {
    const id = accountGroupUserRoleId(EXAMPLE.groups.services1, 'ServUser1@boomi.com', 'role-1');
    expect(parseLinkId(id)).toEqual({ kind: 'AGUR', parts: [EXAMPLE.groups.services1, 'ServUser1@boomi.com', 'role-1'] });
  });
  it('reject ids we did not make', () => {
    expect(parseLinkId('not-an-id')).toBeNull();
  });
});
