import { describe, expect, it } from 'vitest';
import { parseSse } from '../../../renderer/src/bridge/sse';
import { takeSecret } from '../../../renderer/src/bridge';

describe('SSE parsing (web bridge)', () => {
  it('splits complete events, skips comments and keeps the unfinished tail', () => {
    const r = parseSse(': roster\n\nevent: connection.changed\ndata: {"online":false}\n\nevent: connection.chan');
    expect(r.messages).toEqual([{ event: 'connection.changed', data: '{"online":false}' }]);
    expect(r.rest).toBe('event: connection.chan');
    expect(parseSse(`${r.rest}ged\ndata: 1\n\n`).messages).toEqual([{ event: 'connection.changed', data: '1' }]);
  });
});

describe('launch secret', () => {
  const env = (hash: string) => {
    const store = new Map<string, string>();
    const replaced: string[] = [];
    return {
      loc: { hash, pathname: '/', search: '' },
      storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
      history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
      replaced,
      store,
    };
  };

  it('takes the secret from the fragment, keeps it for the tab and clears it from the address bar', () => {
    const e = env('#secret=abc_DEF-123');
    expect(takeSecret(e.loc, e.storage, e.history)).toBe('abc_DEF-123');
    expect(e.replaced).toEqual(['/']);
    // A reload: the fragment is now the app's route, the secret comes from the tab's storage.
    expect(takeSecret({ ...e.loc, hash: '#/groups' }, e.storage, e.history)).toBe('abc_DEF-123');
  });

  it('without a secret anywhere there is none', () => {
    const e = env('#/groups');
    expect(takeSecret(e.loc, e.storage, e.history)).toBeNull();
    expect(e.replaced).toEqual([]);
  });
});
