import type { PlanOp, PlanOpKind } from '../../plans/types';
import type { Call, Expectation, OpCalls } from '../types';
import type { Working } from './working';
import { accountAddUserRoles } from './accountAddUserRoles';
import { accountRemoveUserRoles } from './accountRemoveUserRoles';
import { accountSetAdvancedUserSecurity } from './accountSetAdvancedUserSecurity';
import { accountSetSupportAccessRole } from './accountSetSupportAccessRole';
import { groupAddAccounts } from './groupAddAccounts';
import { groupAddUserRoles } from './groupAddUserRoles';
import { groupCreate } from './groupCreate';
import { groupRemoveAccounts } from './groupRemoveAccounts';
import { groupRemoveUserRoles } from './groupRemoveUserRoles';
import { groupRename } from './groupRename';
import { groupShareResources } from './groupShareResources';
import { groupUnshareResources } from './groupUnshareResources';
import { partnerGrant } from './partnerGrant';
import { partnerRemoveAccountFromService } from './partnerRemoveAccountFromService';
import { partnerRevoke } from './partnerRevoke';
import { roleDelete } from './roleDelete';

/** One entry per PlanOp kind; the type makes a missing kind a compile error. */
const REGISTRY: { [K in PlanOpKind]: OpCalls<K> } = {
  'group.create': groupCreate,
  'group.rename': groupRename,
  'group.addAccounts': groupAddAccounts,
  'group.removeAccounts': groupRemoveAccounts,
  'group.addUserRoles': groupAddUserRoles,
  'group.removeUserRoles': groupRemoveUserRoles,
  'group.shareResources': groupShareResources,
  'group.unshareResources': groupUnshareResources,
  'account.addUserRoles': accountAddUserRoles,
  'account.removeUserRoles': accountRemoveUserRoles,
  'account.setSupportAccessRole': accountSetSupportAccessRole,
  'account.setAdvancedUserSecurity': accountSetAdvancedUserSecurity,
  'role.delete': roleDelete,
  'partner.grant': partnerGrant,
  'partner.revoke': partnerRevoke,
  'partner.removeAccountFromService': partnerRemoveAccountFromService,
};

/** The API calls of one op, bulk ops expanded into one call per link. */
export const callsOf = (op: PlanOp): Call[] => (REGISTRY[op.op] as OpCalls).calls(op as never);

export const expectationsOf = (op: PlanOp, w: Working): Expectation[] => (REGISTRY[op.op] as OpCalls).expectations(op as never, w);

export { Working } from './working';
