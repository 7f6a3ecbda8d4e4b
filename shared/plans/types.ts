import { z } from 'zod';
import { AccountAddUserRoles } from './ops/account.addUserRoles';
import { AccountRemoveUserRoles } from './ops/account.removeUserRoles';
import { AccountSetAdvancedUserSecurity } from './ops/account.setAdvancedUserSecurity';
import { AccountSetSupportAccessRole } from './ops/account.setSupportAccessRole';
import { GroupAddAccounts } from './ops/group.addAccounts';
import { GroupAddUserRoles } from './ops/group.addUserRoles';
import { GroupCreate } from './ops/group.create';
import { GroupRemoveAccounts } from './ops/group.removeAccounts';
import { GroupRemoveUserRoles } from './ops/group.removeUserRoles';
import { GroupRename } from './ops/group.rename';
import { GroupShareResources } from './ops/group.shareResources';
import { GroupUnshareResources } from './ops/group.unshareResources';
import { PartnerGrant } from './ops/partner.grant';
import { PartnerRemoveAccountFromService } from './ops/partner.removeAccountFromService';
import { PartnerRevoke } from './ops/partner.revoke';
import { RoleDelete } from './ops/role.delete';

/**
 * The *resolved* form of a plan op: every group, role, user and account named by id. Each kind's
 * schema lives with the rest of that op in ./ops/<kind>.ts. (The public plan-file form of
 * DESIGN.md, where names are allowed, is parsed and resolved into this in ./file.ts.) A group
 * created earlier in the same plan is referred to by the provisional id `new:<name>` (./ids.ts).
 * Every kind's schema is strict: an op arriving over IPC with a key it does not know is refused by
 * name, as a plan file is, rather than stripped and the rest sent.
 */
export const PlanOp = z.discriminatedUnion('op', [
  GroupCreate, GroupRename, GroupAddAccounts, GroupRemoveAccounts, GroupAddUserRoles, GroupRemoveUserRoles,
  GroupShareResources, GroupUnshareResources, AccountAddUserRoles, AccountRemoveUserRoles, AccountSetSupportAccessRole,
  AccountSetAdvancedUserSecurity, RoleDelete, PartnerGrant, PartnerRevoke, PartnerRemoveAccountFromService,
]);
export type PlanOp = z.infer<typeof PlanOp>;
export type PlanOpKind = PlanOp['op'];
export type PlanOpOf<K extends PlanOpKind> = Extract<PlanOp, { op: K }>;

export const Plan = z.object({ ops: z.array(PlanOp).max(10_000) });
export type Plan = z.infer<typeof Plan>;

export { isProvisionalId, provisionalGroupId } from './ids';
