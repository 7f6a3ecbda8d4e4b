import { describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { GroupLedger } from '../../../shared/sync/groupLedger';
import type { CallContext } from '../../../shared/sync/types';
import { FakeClock } from './clock';
import { FakeApi } from './fakeApi';
import { PRIMARY } from './helpers';

const ctxOf = (api: FakeApi): CallContext => ({ api, accountId: PRIMARY, resolve: { group: async (id) => id, learn: () => undefined } });
const addGroup = (api: FakeApi, id: string, name: string) =>
  api.table('AccountGroup').set(id, { '@type': 'AccountGroup', id, accountId: PRIMARY, name, defaultGroup: false });

describe('GroupLedger: what a create with an unknown outcome is compared against (never create a group twice)', () => {
  it('one listing serves every create until it is older than a minute; then the next create refreshes it', async () => {
    const api = new FakeApi(exampleSnapshot());
    const clock = new FakeClock();
    const ledger = new GroupLedger(clock);
    const ctx = ctxOf(api);
    await ledger.before(ctx, 'A');
    await ledger.before(ctx, 'B');
    expect(api.calls).toBe(1);
    clock.t += 61_000;
    await ledger.before(ctx, 'C');
    expect(api.calls).toBe(2);
  });

  it('a doubtful create sees the groups that appeared since its first send, except its own engine\'s (by id or by the names it creates)', async () => {
    const api = new FakeApi(exampleSnapshot());
    const ledger = new GroupLedger(new FakeClock());
    const ctx = ctxOf(api);
    await ledger.before(ctx, 'Mine');
    await ledger.before(ctx, 'Sibling');
    ledger.doubt('Mine');
    addGroup(api, 'g-renamed', 'Renamed by someone');
    addGroup(api, 'g-sibling', 'Sibling');
    addGroup(api, 'g-learned', 'Whatever');
    ledger.noteMine('g-learned');
    const sent = ledger.doubtful('Mine')!;
    expect(await ledger.appeared(ctx, sent.base)).toEqual([{ id: 'g-renamed', name: 'Renamed by someone' }]);
    expect(ledger.doubtful('Sibling')).toBeUndefined();
    ledger.settled('Mine');
    expect(ledger.doubtful('Mine')).toBeUndefined();
  });

  it('a second send of the same create keeps the listing from before the first (a later listing could already hold the renamed group)', async () => {
    const api = new FakeApi(exampleSnapshot());
    const clock = new FakeClock();
    const ledger = new GroupLedger(clock, 0);
    const ctx = ctxOf(api);
    await ledger.before(ctx, 'Mine');
    ledger.doubt('Mine');
    addGroup(api, 'g-renamed', 'Renamed by someone');
    clock.t += 1;
    await ledger.before(ctx, 'Mine');
    expect((await ledger.appeared(ctx, ledger.doubtful('Mine')!.base)).map((g) => g.id)).toEqual(['g-renamed']);
  });
});
