import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../platform/api/filter';
import { decodeToken, encodeToken } from '../../../platform/api/paging';
import { decide, formatFaults, makeRandom, parseFaults } from '../../../platform/faults';
import { RateLimiter } from '../../../platform/rateLimit';

describe('rate limiter (token bucket)', () => {
  it('lets a burst of N through, then one per 1/N s', () => {
    const r = new RateLimiter(10);
    const t = 1_000;
    const burst = Array.from({ length: 12 }, () => r.take('acct', t));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(r.take('acct', t + 50)).toBe(false);
    expect(r.take('acct', t + 100)).toBe(true);
  });

  it('counts each account separately, and 0 means off', () => {
    const r = new RateLimiter(1);
    expect(r.take('a', 0)).toBe(true);
    expect(r.take('a', 0)).toBe(false);
    expect(r.take('b', 0)).toBe(true);
    r.perSecond = 0;
    expect(Array.from({ length: 100 }, () => r.take('a', 0)).every(Boolean)).toBe(true);
  });
});

describe('fault specs', () => {
  it('parses every fault and prints it back', () => {
    const f = parseFaults('503=0.1,500=0.05,drop=0.05,commit-drop=0.05,latency=20-200,seed=3');
    expect(f).toEqual({ p503: 0.1, p500: 0.05, drop: 0.05, commitDrop: 0.05, latency: [20, 200], seed: 3 });
    expect(parseFaults(formatFaults(f))).toEqual(f);
    expect(formatFaults(parseFaults('off'))).toBe('off');
  });

  it.each([
    ['503=1.5', /between 0 and 1/],
    ['latency=200-20', /MAX must not be below MIN/],
    ['latency=fast', /MIN-MAX/],
    ['503=0.6,500=0.6', /more than 1/],
    ['boom=0.1', /unknown fault/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it('decides by share: with 503=0.25,500=0.25,drop=0.25 each outcome takes about a quarter', () => {
    const f = parseFaults('503=0.25,500=0.25,drop=0.25');
    const rnd = makeRandom(1);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      const d = decide(f, rnd);
      counts[d] = (counts[d] ?? 0) + 1;
    }
    for (const k of ['503', '500', 'drop', 'none']) expect(counts[k]! / 4000).toBeGreaterThan(0.2);
  });
});

describe('filter compiler', () => {
  it('binds every value as a parameter, never as SQL text', () => {
    const evil = "x') or true --";
    const c = compileFilter('AccountGroup', { QueryFilter: { expression: { operator: 'EQUALS', property: 'name', argument: [evil] } } }, 3);
    expect(c.sql).toBe("(doc->>'name') = $3");
    expect(c.params).toEqual([evil]);
  });

  it('numbers parameters through nested groups', () => {
    const c = compileFilter('AccountGroupUserRole', {
      QueryFilter: { expression: { operator: 'or', nestedExpression: [
        { operator: 'EQUALS', property: 'userId', argument: ['a'] },
        { operator: 'and', nestedExpression: [{ operator: 'BETWEEN', property: 'roleId', argument: ['b', 'c'] }, { operator: 'IS_NULL', property: 'accountGroupId' }] },
      ] } },
    }, 1);
    expect(c.sql).toBe("((doc->>'userId') = $1 or (((doc->>'roleId') >= $2 and (doc->>'roleId') <= $3) and (doc->>'accountGroupId') is null))");
    expect(c.params).toEqual(['a', 'b', 'c']);
  });

  it('refuses nesting deeper than 32 levels', () => {
    let e: unknown = { operator: 'EQUALS', property: 'name', argument: ['x'] };
    for (let i = 0; i < 40; i++) e = { operator: 'and', nestedExpression: [e] };
    expect(() => compileFilter('AccountGroup', { QueryFilter: { expression: e } }, 1)).toThrow(/deeper than 32/);
  });
});

describe('queryTokens', () => {
  const state = { type: 'Account', account: 'a', filter: undefined, lastSeq: 100, maxSeq: 500, total: 400, expires: 2_000 };
  it('round-trip while fresh', () => {
    expect(decodeToken('s3cret', encodeToken('s3cret', state), 1_000)).toEqual(state);
  });
  it('refuse a changed payload, another secret, or an old token', () => {
    const t = encodeToken('s3cret', state);
    const [payload, mac] = t.split('.') as [string, string];
    const tampered = Buffer.from(JSON.stringify({ ...state, lastSeq: 0 })).toString('base64url');
    expect(() => decodeToken('s3cret', `${tampered}.${mac}`, 1_000)).toThrow(/not valid/);
    expect(() => decodeToken('other', t, 1_000)).toThrow(/not valid/);
    expect(() => decodeToken('s3cret', `${payload}.${mac}`, 3_000)).toThrow(/expired/);
  });
});
