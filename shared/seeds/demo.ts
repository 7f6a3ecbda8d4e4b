import type { Resource, Role, Snapshot } from '../model';
import { accountGroupUserRoleId, accountUserRoleId, partnerAccountAccessId } from '../model';
import { BUILT_IN_ROLE_IDS } from './builtInRoles';
import { EXAMPLE, exampleSnapshot } from './example';

/**
 * The first-run data set: seed 002 exactly (its accounts, ServUser1–4, the three groups and
 * their roles are untouched, so every worked-example answer stays the same) plus one of each
 * thing the other screens show, so a new admin sees no empty table. What is added only adds:
 * custom roles (two shared with a group, so members list them as "(shared)", R16; one not),
 * an Atom Cloud, a private and a public connector (R23: only the private one can be shared), a
 * published process, an integration pack, a Data Hub model, AUS off on Doc JKL (R19), a partner
 * service with its own accounts and users (R25–R29), customer users with direct roles (R6), and
 * one partner user whose direct role her group already gives (the R9 report has a row to fix).
 */
export const DEMO = {
  roles: {
    deployer: 'c0570000-0000-4000-8000-00000000d001',
    auditor: 'c0570000-0000-4000-8000-00000000d002',
    onboarding: 'c0570000-0000-4000-8000-00000000d003',
  },
  cloud: 'cloud-docs-atom-01',
  connectorPrivate: 'pub-conn-salesforce',
  connectorPublic: 'pub-conn-http',
  process: 'pub-proc-ordersync',
  model: 'pub-model-customer',
  pack: 'ipack-docs-onboarding',
  partnerAccounts: [
    { accountId: 'acmeretail-5TR7WX', name: 'Acme Retail (partner org)' },
    { accountId: 'acmelogistics-3GH9QD', name: 'Acme Logistics (partner org)' },
  ],
  service: 'svc-acme-managed',
  /** A partner-side user: Support in All Accounts and, left over from before groups, Support directly on Doc DEF (R9). */
  partnerUser: 'Mei.Novak@boomi.com',
  /** Customer-side users with direct roles only (R6), outside the partner's entity. */
  customerUsers: ['lena.fischer@docabc.example.com', 'omar.haddad@docghi.example.com'],
} as const;

const privs = (names: string[]) => ({ '@type': 'Privileges' as const, Privilege: names.map((name) => ({ '@type': 'Privilege' as const, name })) });

export const demoSnapshot = (): Snapshot => {
  const s = exampleSnapshot();
  const { primary, accounts, groups } = EXAMPLE;
  const [abc, def, ghi, jkl] = accounts.map((a) => a.accountId) as [string, string, string, string];

  // R19: a member account with Advanced User Security off (shared roles cannot be assigned there).
  for (const a of s.Account) if (a.accountId === jkl) a.advancedUserSecurity = false;

  const role = (id: string, name: string, description: string, p: string[]): Role => ({
    '@type': 'Role', id, accountId: primary.accountId, name, Description: description, Privileges: privs(p),
  });
  s.Role.push(
    role(DEMO.roles.deployer, 'Deployer', 'Deploys and watches processes in customer accounts.', ['DEPLOY', 'ATOM_MANAGEMENT_READ', 'PROCESS_HISTORY', 'DASHBOARD']),
    role(DEMO.roles.auditor, 'Auditor', 'Reads results and history, changes nothing.', ['VIEW_RESULTS', 'PROCESS_HISTORY', 'DASHBOARD']),
    role(DEMO.roles.onboarding, 'Onboarding Lead', 'Builds and tests new integrations; not shared with any group.', ['BUILD', 'TEST_MODE', 'DASHBOARD']),
  );

  s.Cloud.push({ '@type': 'Cloud', id: DEMO.cloud, name: 'Documentation Atom Cloud', Atom: [{ '@type': 'CloudAtom', atomId: 'atom-docs-01' }] });
  s.IntegrationPack.push({
    '@type': 'IntegrationPack', id: DEMO.pack, name: 'Customer Onboarding Pack', Description: 'Onboarding processes for managed accounts.', installationType: 'MULTI',
  });
  const published = (id: string, objectType: 'Connector' | 'Published Process' | 'Data Hub Model', name: string, visibility: 'private' | 'public') =>
    s.PublishedResource.push({ '@type': 'PublishedResource', id, objectType, name, accountId: primary.accountId, released: true, visibility, publishedBy: EXAMPLE.users[0] });
  published(DEMO.connectorPrivate, 'Connector', 'Salesforce Connector (private)', 'private');
  published(DEMO.connectorPublic, 'Connector', 'HTTP Client Connector (public)', 'public');
  published(DEMO.process, 'Published Process', 'Order Sync', 'private');
  published(DEMO.model, 'Data Hub Model', 'Customer Golden Record', 'private');

  const share = (groupId: string, r: Omit<Resource, '@type'>) =>
    s.AccountGroup.find((g) => g.id === groupId)!.Resources!.Resource!.push({ '@type': 'Resource', ...r });
  share(groups.services1, { objectType: 'Role', resourceId: DEMO.roles.deployer, resourceName: 'Deployer' });
  share(groups.services1, { objectType: 'Cloud', resourceId: DEMO.cloud, resourceName: 'Documentation Atom Cloud' });
  share(groups.services1, { objectType: 'Integration Pack', resourceId: DEMO.pack, resourceName: 'Customer Onboarding Pack' });
  s.AccountGroupIntegrationPack.push({
    '@type': 'AccountGroupIntegrationPack', id: `${groups.services1}:${DEMO.pack}`, accountGroupId: groups.services1,
    integrationPackId: DEMO.pack, integrationPackName: 'Customer Onboarding Pack', installationType: 'MULTI',
  });
  share(groups.services2, { objectType: 'Role', resourceId: DEMO.roles.auditor, resourceName: 'Auditor' });
  share(groups.services2, { objectType: 'Connector', resourceId: DEMO.connectorPrivate, resourceName: 'Salesforce Connector (private)' });
  share(groups.services2, { objectType: 'Published Process', resourceId: DEMO.process, resourceName: 'Order Sync' });

  // Users outside the worked example, so ServUser1–4 reach exactly what seed 002 says.
  s.User.push({ '@type': 'User', userId: DEMO.partnerUser, firstName: 'Mei', lastName: 'Novak', entityId: EXAMPLE.entity.id });
  s.User.push({ '@type': 'User', userId: DEMO.customerUsers[0], firstName: 'Lena', lastName: 'Fischer' });
  s.User.push({ '@type': 'User', userId: DEMO.customerUsers[1], firstName: 'Omar', lastName: 'Haddad' });
  const support = BUILT_IN_ROLE_IDS.Support;
  s.AccountGroupUserRole.push({
    '@type': 'AccountGroupUserRole', id: accountGroupUserRoleId(groups.all, DEMO.partnerUser, support),
    accountGroupId: groups.all, userId: DEMO.partnerUser, roleId: support, firstName: 'Mei', lastName: 'Novak',
  });
  const direct = (accountId: string, userId: string, roleId: string) =>
    s.AccountUserRole.push({ '@type': 'AccountUserRole', id: accountUserRoleId(accountId, userId, roleId), accountId, userId, roleId });
  direct(def, DEMO.partnerUser, support); // R9: redundant with All Accounts
  direct(abc, DEMO.customerUsers[0], BUILT_IN_ROLE_IDS.Administrator);
  direct(abc, DEMO.customerUsers[0], DEMO.roles.deployer); // R16: listed as "Deployer (shared)" in Doc ABC
  direct(ghi, DEMO.customerUsers[1], BUILT_IN_ROLE_IDS['Standard User']);

  // R25–R29: a partner organisation's accounts shared with our entity.
  const created = '2026-01-05T09:00:00Z';
  for (const a of DEMO.partnerAccounts) s.Account.push({ '@type': 'Account', ...a, status: 'active', dateCreated: created });
  const partnerIds = DEMO.partnerAccounts.map((a) => a.accountId);
  s.PartnerService.push({
    '@type': 'PartnerService', id: DEMO.service, name: 'Acme Managed Integration', partnerOrganisation: 'Acme Group',
    entityId: EXAMPLE.entity.id, accountIds: partnerIds,
  });
  const grant = (accountId: string, userId: string) =>
    s.PartnerAccountAccess.push({ '@type': 'PartnerAccountAccess', id: partnerAccountAccessId(DEMO.service, accountId, userId), serviceId: DEMO.service, accountId, userId });
  grant(partnerIds[0]!, EXAMPLE.users[0]);
  grant(partnerIds[1]!, EXAMPLE.users[0]);
  grant(partnerIds[0]!, DEMO.partnerUser);
  return s;
};
