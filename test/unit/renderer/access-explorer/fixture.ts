import type { Role, Snapshot } from '../../../../shared/model';
import { accountUserRoleId } from '../../../../shared/model';
import { EXAMPLE, exampleSnapshot } from '../../../../shared/seeds/example';

/**
 * Seed 002 plus what the renderer areas need to show: a custom role of the primary shared with
 * Services 1 and held in Doc ABC (R15, R16), a partner service (R25), and the catalogue (R22, R23).
 */
export const DEPLOYER = 'role-deployer';
export const SERVICE = 'svc-1';
export const PARTNER_ACCOUNTS = ['p-one', 'p-two'];
export const [ABC, DEF, GHI] = EXAMPLE.accounts.map((a) => a.accountId) as [string, string, string, string];
export const [U1, U2, U3, U4] = EXAMPLE.users;

export const richSnapshot = (): Snapshot => {
  const s = exampleSnapshot();
  const deployer: Role = {
    '@type': 'Role', id: DEPLOYER, accountId: EXAMPLE.primary.accountId, name: 'Deployer',
    Privileges: { '@type': 'Privileges', Privilege: [{ '@type': 'Privilege', name: 'DEPLOY' }] },
  };
  s.Role.push(deployer);
  const s1 = s.AccountGroup.find((g) => g.name === 'Services 1')!;
  s1.Resources = { '@type': 'Resources', Resource: [{ '@type': 'Resource', objectType: 'Role', resourceId: DEPLOYER, resourceName: 'Deployer' }] };
  // ServUser3 holds Deployer directly on Doc ABC only: unsharing it locks them out there (R20).
  s.AccountUserRole.push({ '@type': 'AccountUserRole', id: accountUserRoleId(ABC, U3, DEPLOYER), accountId: ABC, userId: U3, roleId: DEPLOYER });
  s.Entity.push({ '@type': 'Entity', id: 'entity-other', name: 'Other' });
  s.User.push({ '@type': 'User', userId: 'outsider@x.com', firstName: 'Out', lastName: 'Sider', entityId: 'entity-other' });
  for (const id of PARTNER_ACCOUNTS) s.Account.push({ '@type': 'Account', accountId: id, name: `Partner ${id}` });
  s.PartnerService.push({ '@type': 'PartnerService', id: SERVICE, name: 'Service 1', partnerOrganisation: 'Globex', entityId: EXAMPLE.entity.id, accountIds: PARTNER_ACCOUNTS });
  s.PartnerAccountAccess.push({ '@type': 'PartnerAccountAccess', serviceId: SERVICE, accountId: 'p-one', userId: U1 });
  s.Cloud.push({ '@type': 'Cloud', id: 'cloud-1', name: 'Cloud One' });
  s.PublishedResource.push(
    { '@type': 'PublishedResource', id: 'conn-pub', objectType: 'Connector', name: 'Public SFTP', accountId: EXAMPLE.primary.accountId, released: true, visibility: 'public' },
    { '@type': 'PublishedResource', id: 'conn-priv', objectType: 'Connector', name: 'Private SAP', accountId: EXAMPLE.primary.accountId, released: true, visibility: 'private' },
  );
  return s;
};
