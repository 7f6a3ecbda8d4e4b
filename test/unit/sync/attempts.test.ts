import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import { exampleSnapshot } from '../../../shared/seeds/example';
import { FakeApi } from './fakeApi';
import { A, G, push } from './helpers';

/**
 * An op's attempts are the times it was sent: the read that checks a refusal ("does the effect
 * already hold?") or an unknown outcome is not an attempt. A 400 is a definite refusal: sent
 * once, failed, one attempt.
 */

/** The fake platform, counting the group CREATEs it receives and answering the first `faults` of them with `fault`. */
const countingCreates = (fault?: () => Error, faults = Infinity) => {
  const api = new FakeApi(exampleSnapshot());
  const create = api.create.bind(api);
  const sent = { creates: 0 };
  api.create = async (type, body) => {
    if (type === 'AccountGroup') {
      sent.creates++;
      if (fault && sent.creates <= faults) throw fault();
    }
    return create(type, body);
  };
  return { api, sent };
};

describe('attempts count sends of the op', () => {
  it('a group create the platform refuses with 400 is sent once, fails, and shows one attempt', async () => {
    const { api, sent } = countingCreates(() => new ApiError('bad-request', 400, 'HTTP 400: name contains a NUL character'));
    const { ops } = await push(api, [{ op: 'group.create', name: 'Refused' }]);
    expect(sent.creates).toBe(1);
    expect(ops[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('HTTP 400: name contains a NUL character') });
  });

  it('a create answered 503 twice, then taken, is three sends and three attempts', async () => {
    const { api, sent } = countingCreates(() => new ApiError('rate-limited', 503, 'HTTP 503: rate limit'), 2);
    const { ops } = await push(api, [{ op: 'group.create', name: 'Busy' }]);
    expect(sent.creates).toBe(3);
    expect(ops[0]).toMatchObject({ status: 'applied', attempts: 3 });
  });

  it('a create whose answer is lost after it committed is checked, not resent: one attempt', async () => {
    const { api, sent } = countingCreates();
    const create = api.create;
    api.create = async (type, body) => {
      await create(type, body);
      throw new ApiError('network', 0, 'socket hang up (after commit)');
    };
    const { ops } = await push(api, [{ op: 'group.create', name: 'Lost answer' }]);
    expect(sent.creates).toBe(1);
    expect(ops[0]).toMatchObject({ status: 'applied', attempts: 1 });
  });

  it('"already exists" (409) yet gone by the check: sent once more, two attempts', async () => {
    const api = new FakeApi(exampleSnapshot());
    const create = api.create.bind(api);
    let sends = 0;
    api.create = async (type, body) => {
      sends++;
      const out = create(type, body);
      if (sends === 1) {
        await out.catch(() => undefined);
        api.table('AccountGroupAccount').delete(`${G.services1}|${A[0]}`);
      }
      return out;
    };
    const { ops } = await push(api, [{ op: 'group.addAccounts', groupId: G.services1, accountIds: [A[0]!] }]);
    expect(sends).toBe(2);
    expect(ops[0]).toMatchObject({ status: 'applied', attempts: 2 });
  });
});
