import type { Role } from '../model';
import { BUILT_IN_ROLE_ACCOUNT } from '../model';

/** Ids as the vendor publishes them (getAssignableRoles example in the OpenAPI subset). */
export const BUILT_IN_ROLE_IDS = {
  Administrator: 'fcb6dd44-0ca8-11e2-a477-1231381987a5',
  'Standard User': 'fcb6e2d0-0ca8-11e2-a477-1231381987a5',
  'Production Support': 'fcb6e3b6-0ca8-11e2-a477-1231381987a5',
  Support: 'fcb6e474-0ca8-11e2-a477-1231381987a5',
  'Browse Only': 'fcb6e532-0ca8-11e2-a477-1231381987a5',
} as const;

export type BuiltInRoleName = keyof typeof BUILT_IN_ROLE_IDS;

const SUPPORT = ['VIEW_RESULTS', 'EXECUTE', 'DASHBOARD', 'PROCESS_HISTORY'];
const PRODUCTION_SUPPORT = [...SUPPORT, 'DEPLOY', 'ATOM_MANAGEMENT_READ', 'VIEW_DATA'];
const STANDARD = [...PRODUCTION_SUPPORT, 'BUILD', 'PACKAGE_MANAGEMENT', 'TEST_MODE', 'ATOM_MANAGEMENT'];
const ADMIN = [...STANDARD, 'API', 'ACCOUNT_ADMIN', 'USER_MANAGEMENT', 'PROCESS_LIBRARY', 'INTEGRATION_PACK'];

/** R14: fixed privileges, owned by account "1", never changed. */
const PRIVILEGES: Record<BuiltInRoleName, string[]> = {
  Administrator: ADMIN,
  'Standard User': STANDARD,
  'Production Support': PRODUCTION_SUPPORT,
  Support: SUPPORT,
  'Browse Only': ['DASHBOARD'],
};

export const builtInRoles = (): Role[] =>
  (Object.keys(BUILT_IN_ROLE_IDS) as BuiltInRoleName[]).map((name) => ({
    '@type': 'Role',
    id: BUILT_IN_ROLE_IDS[name],
    accountId: BUILT_IN_ROLE_ACCOUNT,
    name,
    Description: `Boomi Default ${name} role.`,
    Privileges: { '@type': 'Privileges', Privilege: PRIVILEGES[name].map((p) => ({ '@type': 'Privilege', name: p })) },
  }));
