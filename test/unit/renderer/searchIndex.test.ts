import { describe, expect, it } from 'vitest';
import { buildState } from '../../../shared/access';
import { DEMO, demoSnapshot } from '../../../shared/seeds/demo';
import { EXAMPLE } from '../../../shared/seeds/example';
import { buildSearchIndex, routeOf, searchItems } from '../../../renderer/src/domain/searchIndex';

describe('global search index', () => {
  const index = buildSearchIndex(buildState(demoSnapshot()));

  it('finds accounts by name and id, users by e-mail, groups, resources and services', () => {
    expect(searchItems(index, 'doc abc').map((h) => [h.kind, h.id])).toEqual([['account', EXAMPLE.accounts[0].accountId]]);
    expect(searchItems(index, 'docdef-9rt').map((h) => h.label)).toEqual(['Doc DEF Company']);
    expect(searchItems(index, 'servuser3@').map((h) => [h.kind, h.label])).toEqual([['user', 'Serv User3']]);
    expect(searchItems(index, 'services').map((h) => h.kind)).toEqual(['group', 'group']);
    expect(searchItems(index, 'atom cloud').map((h) => h.kind)).toEqual(['resource']);
    expect(searchItems(index, 'acme managed').map((h) => [h.kind, h.id])).toEqual([['service', DEMO.service]]);
    expect(searchItems(index, '   ')).toEqual([]);
  });

  it('R14: built-in roles are not offered as resources; names starting with the query come first', () => {
    expect(searchItems(index, 'support').filter((h) => h.kind === 'resource')).toEqual([]);
    expect(searchItems(index, 'acme').filter((h) => h.kind === 'account').map((h) => h.label)).toEqual(['Acme Logistics (partner org)', 'Acme Retail (partner org)']);
  });

  it('Enter opens an account on its own page in the explorer, a group in Groups', () => {
    const [abc] = searchItems(index, 'Doc ABC');
    expect(routeOf(abc!)).toEqual({ area: 'access-explorer', item: `account:${EXAMPLE.accounts[0].accountId}` });
    expect(routeOf(searchItems(index, 'Services 1')[0]!)).toEqual({ area: 'groups', item: EXAMPLE.groups.services1 });
  });
});
