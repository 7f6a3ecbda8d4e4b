import type { Resource } from '../model';
import { partnerAccountAccessId } from '../model';
import type { GenCtx } from './generate';

const share = (c: GenCtx, objectType: Resource['objectType'], resourceId: string, resourceName: string, p: number): void => {
  for (let gi = 1; gi < c.groups.length; gi++) {
    if (!c.rng.chance(p)) continue;
    c.groups[gi]!.Resources!.Resource!.push({ '@type': 'Resource', objectType, resourceId, resourceName });
  }
};

/**
 * R22–R24: clouds, integration packs and the published-resource catalogue, some shared with
 * groups. Includes ineligible entries (public or unreleased connectors, R23) that must never be
 * offered for sharing.
 */
export const addCatalogue = (c: GenCtx): void => {
  const { rng, s } = c;
  const clouds = Math.max(2, Math.floor(c.groups.length / 50));
  for (let i = 0; i < clouds; i++) {
    const id = `cloud-${rng.tag(8)}`;
    const name = `Partner Cloud ${i + 1}`;
    s.Cloud.push({ '@type': 'Cloud', id, name, Atom: [{ '@type': 'CloudAtom', atomId: `atom-${rng.tag(8)}` }] });
    share(c, 'Cloud', id, name, 0.1);
  }
  const packs = Math.max(2, Math.floor(c.groups.length / 40));
  for (let i = 0; i < packs; i++) {
    const id = `ipack-${rng.tag(8)}`;
    const name = `Integration Pack ${i + 1}`;
    const installationType = rng.chance(0.5) ? 'SINGLE' : 'MULTI';
    s.IntegrationPack.push({ '@type': 'IntegrationPack', id, name, Description: `${name} for managed accounts.`, installationType });
    for (let gi = 1; gi < c.groups.length; gi++) {
      if (!rng.chance(0.05)) continue;
      const g = c.groups[gi]!;
      g.Resources!.Resource!.push({ '@type': 'Resource', objectType: 'Integration Pack', resourceId: id, resourceName: name });
      s.AccountGroupIntegrationPack.push({
        '@type': 'AccountGroupIntegrationPack', id: `${g.id}:${id}`, accountGroupId: g.id, integrationPackId: id,
        integrationPackName: name, installationType,
      });
    }
  }
  const kinds = ['Connector', 'Published Process', 'Data Hub Model'] as const;
  const published = Math.max(6, Math.floor(c.groups.length / 10));
  for (let i = 0; i < published; i++) {
    const objectType = kinds[i % 3]!;
    const visibility = objectType === 'Connector' && rng.chance(0.3) ? 'public' : 'private';
    const released = rng.chance(0.85);
    const id = `pub-${rng.tag(8)}`;
    const name = `${objectType} ${i + 1}`;
    s.PublishedResource.push({
      '@type': 'PublishedResource', id, objectType, name, accountId: c.primaryId, released, visibility,
      publishedBy: c.users[i % c.users.length],
    });
    if (released && visibility === 'private') share(c, objectType, id, name, 0.05);
  }
};

/** R25–R29: services sharing partner-organisation accounts with one entity, and who holds access. */
export const addPartnerServices = (c: GenCtx): void => {
  const { rng, s } = c;
  const services = Math.max(2, Math.floor(c.groups.length / 50));
  const per = Math.max(1, Math.floor(c.partnerAccounts.length / services));
  const usersByEntity = new Map<string, string[]>();
  for (const u of s.User) {
    const list = usersByEntity.get(u.entityId ?? '') ?? [];
    list.push(u.userId);
    usersByEntity.set(u.entityId ?? '', list);
  }
  for (let i = 0; i < services; i++) {
    const id = `svc-${rng.tag(8)}`;
    const entityId = c.entities[i % c.entities.length]!;
    const accountIds = c.partnerAccounts.slice(i * per, (i + 1) * per);
    s.PartnerService.push({
      '@type': 'PartnerService', id, name: `Service ${i + 1}`, partnerOrganisation: `${rng.pick(['Acme', 'Globex', 'Initech', 'Umbrella'])} Group ${i + 1}`,
      entityId, accountIds,
    });
    const eligible = usersByEntity.get(entityId) ?? [];
    const holders = Math.min(eligible.length, 10);
    const chosen = new Set<string>();
    for (let k = 0; k < holders; k++) chosen.add(eligible[(k * 7 + i) % eligible.length]!);
    for (const userId of chosen) {
      for (const accountId of accountIds) {
        if (!rng.chance(0.5)) continue;
        s.PartnerAccountAccess.push({ '@type': 'PartnerAccountAccess', id: partnerAccountAccessId(id, accountId, userId), serviceId: id, accountId, userId });
      }
    }
  }
};
