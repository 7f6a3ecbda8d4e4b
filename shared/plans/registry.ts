import type { AccessState } from '../access/state';
import type { Call, Expectation } from './call';
import type { Names } from './describe';
import type { OpModule } from './op';
import type { PlanOp, PlanOpKind } from './types';
import { groupCreate } from './ops/group.create';
import { groupRename } from './ops/group.rename';
import { groupAddAccounts } from './ops/group.addAccounts';
import { groupRemoveAccounts } from './ops/group.removeAccounts';
import { groupAddUserRoles } from './ops/group.addUserRoles';
import { groupRemoveUserRoles } from './ops/group.removeUserRoles';
import { groupShareResources } from './ops/group.shareResources';
import { groupUnshareResources } from './ops/group.unshareResources';
import { accountAddUserRoles } from './ops/account.addUserRoles';
import { accountRemoveUserRoles } from './ops/account.removeUserRoles';
import { accountSetSupportAccessRole } from './ops/account.setSupportAccessRole';
import { accountSetAdvancedUserSecurity } from './ops/account.setAdvancedUserSecurity';
import { roleDelete } from './ops/role.delete';
import { partnerGrant } from './ops/partner.grant';
import { partnerRevoke } from './ops/partner.revoke';
import { partnerRemoveAccountFromService } from './ops/partner.removeAccountFromService';

/** kind → op module: the one place that knows every op kind. */
export const OP_MODULES: { [K in PlanOpKind]: OpModule<K> } = {
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

/** The module of an op, typed so callers need no casts. */
export const opModule = <K extends PlanOpKind>(op: Extract<PlanOp, { op: K }>): OpModule<K> =>
  OP_MODULES[op.op as K] as OpModule<K>;

/** The API calls of one op, bulk ops expanded into one call per link. */
export const callsOf = (op: PlanOp): Call[] => opModule(op).calls(op);

/** The op's precondition, read from the view the admin saw. */
export const expectationsOf = (s: AccessState, op: PlanOp): Expectation[] => opModule(op).expectations(s, op);

/** The op with what only the view knows when it is queued (a rename's from-name, resource names). */
export const annotate = (s: AccessState, op: PlanOp): PlanOp => opModule(op).annotate?.(s, op) ?? op;

/** One plain sentence per op, the same on every screen. */
export const describeOp = (op: PlanOp, names: Names): string => opModule(op).describe(op, names);

