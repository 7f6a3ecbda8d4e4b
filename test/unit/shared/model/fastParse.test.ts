import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ObjectSchemas, OBJECT_TYPES, parseSnapshot, type ObjectType } from '../../../../shared/model';
import { NOT_FAST, fastParser } from '../../../../shared/model/fastParse';
import { generateSnapshot } from '../../../../shared/seeds/generate';

fc.configureGlobal({ seed: 15, numRuns: 300 });

/** zod alone, as parseSnapshot was before the fast path: the reference it must equal. */
const zodOnly = (type: ObjectType, rec: unknown) => {
  const r = ObjectSchemas[type].safeParse(rec);
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: r.error.issues };
};

const id = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constant(''), fc.constant('x'.repeat(256)), fc.integer());
const value = fc.oneof(id, fc.boolean(), fc.constant(null), fc.constantFrom('active', 'trial', 'nope', 'premier'), fc.constant(undefined));
const sample = generateSnapshot('partner', 1);
/**
 * Records near the shapes: a real record of the type, keys dropped, shuffled or overwritten
 * with good and bad values, plus strays (unknown keys, `__proto__`).
 */
const recordOf = (type: ObjectType) => {
  const base = sample[type].find((r) => Object.keys(r).length > 3) ?? sample[type][0]!;
  const keys = [...Object.keys((ObjectSchemas[type] as unknown as { shape: object }).shape), 'stray', '__proto__'];
  return fc
    .record({
      order: fc.shuffledSubarray(Object.keys(base)),
      edits: fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(value, fc.constant(type), fc.record({ purchased: fc.integer(), used: fc.oneof(fc.integer(), fc.double()) }))), { maxLength: 2 }),
    })
    .map(({ order, edits }) => {
      const rec: Record<string, unknown> = {};
      const put = (k: string, v: unknown) => Object.defineProperty(rec, k, { value: v, enumerable: true, writable: true, configurable: true });
      for (const k of order) put(k, (base as Record<string, unknown>)[k]);
      for (const [k, v] of edits) put(k, v);
      return rec;
    });
};

describe('snapshot fast path', () => {
  it('accepts exactly what zod accepts, returning what zod returns (key order included)', () => {
    for (const type of ['Account', 'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'User', 'PartnerAccountAccess', 'AccountSSOConfig'] as const) {
      const fast = fastParser(ObjectSchemas[type]);
      let taken = 0;
      fc.assert(
        fc.property(recordOf(type), (rec) => {
          const ref = zodOnly(type, rec);
          const quick = fast(rec);
          if (quick === NOT_FAST) return;
          taken++;
          // Whatever the fast path takes, zod takes, and to the very same value.
          expect(ref.ok).toBe(true);
          expect(JSON.stringify(quick)).toBe(JSON.stringify(ref.data));
          expect(quick).toEqual(ref.data);
        }),
      );
      // The property says something only if the fast path took some records.
      expect(taken, type).toBeGreaterThan(0);
    }
  });

  it('takes every record of a generated snapshot fast, except shapes it does not know', () => {
    const snap = generateSnapshot('partner', 3);
    const slow: string[] = [];
    for (const t of OBJECT_TYPES) for (const rec of snap[t]) if (fastParser(ObjectSchemas[t])(rec) === NOT_FAST) slow.push(t);
    // Bulk types (accounts and links) are all fast; AccountGroup trims its name (a transform) so zod keeps it.
    for (const t of ['Account', 'AccountGroupAccount', 'AccountGroupUserRole', 'AccountUserRole', 'PartnerAccountAccess', 'User']) expect(slow).not.toContain(t);
    expect(slow).toContain('AccountGroup');
  });

  it('parseSnapshot gives the same snapshot and the same issues as zod record by record', () => {
    const snap = JSON.parse(JSON.stringify(generateSnapshot('partner', 5))) as Record<string, unknown[]>;
    // Bad records among good ones: each must be reported as zod words it, at its index.
    snap.AccountGroupAccount!.splice(3, 0, { accountGroupId: '', accountId: 'a' });
    snap.Account!.splice(7, 0, { accountId: 'x', status: 'closed' });
    snap.AccountUserRole!.push({ accountId: 'a', userId: 'u' });
    const r = parseSnapshot(snap);
    expect(r.ok).toBe(false);
    const ref: { path: string; message: string }[] = [];
    for (const t of OBJECT_TYPES) (snap[t] ?? []).forEach((rec, i) => {
      const z = zodOnly(t, rec);
      if (!z.ok) for (const e of z.issues!) ref.push({ path: `${t}[${i}].${e.path.join('.')}`, message: e.message });
    });
    expect(!r.ok && r.issues).toEqual(ref);
    expect(ref.map((i) => i.path)).toEqual(['Account[7].status', 'AccountGroupAccount[3].accountGroupId', `AccountUserRole[${snap.AccountUserRole!.length - 1}].roleId`]);
  });
});
