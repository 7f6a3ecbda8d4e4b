import { describe, expect, it } from 'vitest';
import { buildState, explain, reach } from '../../../../shared/access';
import { accountViewRoute, filterReach, groupRoute, groupsOf, planRemoveFromGroup } from '../../../../renderer/src/features/access-explorer/model';
import { ABC, GHI, U1, richSnapshot } from './fixture';

const state = () => buildState(richSnapshot());
const groupId = (s: ReturnType<typeof state>, name: string) => s.groups.keys().find((g) => s.groups.get(g)?.name === name)!;

describe('the explorer acts on what it explains', () => {
  it('searches a reach list by account name, id or role, case-insensitive, keeping its order', () => {
    const rows = reach(state(), U1).sort((a, b) => a.name.localeCompare(b.name));
    expect(filterReach(rows, '')).toBe(rows);
    expect(filterReach(rows, '  gHi ').map((r) => r.accountId)).toEqual([GHI]);
    expect(filterReach(rows, ABC).map((r) => r.accountId)).toEqual([ABC]);
    expect(filterReach(rows, 'standard user').map((r) => r.accountId)).toEqual(rows.filter((r) => r.roles.includes('Standard User')).map((r) => r.accountId));
    expect(filterReach(rows, 'nothing like this')).toEqual([]);
  });

  it('R8: names each group of an explanation once, in order of mention', () => {
    const s = state();
    expect(groupsOf(explain(s, U1, ABC)).map((g) => g.groupName)).toEqual(['Services 1', 'All Accounts']);
  });

  it('R7: Remove from group takes every role the user holds in that group, in one op', () => {
    const s = state();
    const g = groupId(s, 'Services 1');
    const planned = planRemoveFromGroup(s, U1, g);
    expect(planned).toEqual({ ok: true, skipped: [], ops: [{ op: 'group.removeUserRoles', groupId: g, userIds: [U1], roleIds: [...(s.userGroupRoles.getSet(U1, g) ?? [])].sort() }] });
  });

  it('Remove from group of a user with no role in the group, or of an unknown group, is refused in words', () => {
    const s = state();
    expect(planRemoveFromGroup(s, 'outsider@x.com', groupId(s, 'Services 1'))).toEqual({ ok: false, reason: 'Nothing to remove: the selected users hold no roles in Services 1.' });
    expect(planRemoveFromGroup(s, U1, 'no-such-group')).toEqual({ ok: false, reason: 'No group no-such-group in the cache.' });
  });

  it('a group name leads to the Groups screen on that group; an account name to its account view', () => {
    expect(groupRoute('g-1')).toEqual({ area: 'groups', item: 'g-1' });
    expect(accountViewRoute(ABC)).toEqual({ area: 'review', item: `account:${ABC}` });
  });
});

describe('the Why list names the person once', () => {
  it('brief voice says "the user" and "this account"; the CLI’s full voice keeps naming both (R7, R13)', () => {
    const s = state();
    const brief = explain(s, U1, ABC, 'brief').reasons;
    for (const r of brief) {
      expect(r).not.toContain(U1);
      expect(r).not.toContain(ABC);
    }
    expect(brief[0]).toBe('R7: the user reaches this account through account groups (Users in Group).');
    expect(brief.at(-1)).toBe('R13: the user can log into this account.');
    const full = explain(s, U1, ABC).reasons;
    expect(full[0]).toContain(U1);
    expect(full.at(-1)).toContain(`(${ABC})`);
    // Only the words change: the same sentences in the same order.
    expect(brief).toHaveLength(full.length);
  });

  it('a user with no access is told so with a capital letter', () => {
    expect(explain(state(), 'outsider@x.com', ABC, 'brief').reasons[0]).toBe('The user has no direct role, no group role and no partner access on this account.');
  });
});
