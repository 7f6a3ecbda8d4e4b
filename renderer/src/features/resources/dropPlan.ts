import type { AccessState } from '../../../../shared/access';
import { groupResourcesOf } from '../../../../shared/access/state';
import { opModule } from '../../../../shared/plans/registry';
import type { PlanOpOf } from '../../../../shared/plans/types';
import { groupMembersWithoutAus, type ResourceRow } from './model';
import { fmt, plural } from '../../app/format';

/**
 * Resources dropped on a group: one group.shareResources op with every resource that
 * may be shared, and each one that may not, with its reason (R15, R19, R22–R24). A drop of
 * resources the rules refuse one by one is refused as a whole, with each reason.
 */

export interface NotShared {
  name: string;
  reason: string;
}

export type ShareDrop =
  | { ok: true; ops: PlanOpOf<'group.shareResources'>[]; notShared: NotShared[]; ausOff: number }
  | { ok: false; reason: string };

type Ref = PlanOpOf<'group.shareResources'>['resources'][number];

const refOf = (r: ResourceRow): Ref => ({ objectType: r.objectType, resourceId: r.id, resourceName: r.name });

const alreadyOn = (s: AccessState, groupId: string, r: ResourceRow): boolean =>
  groupResourcesOf(s.groups.get(groupId)).some((x) => (x.objectType ?? 'Role') === r.objectType && x.resourceId === r.id);

/** The rules engine's own refusal for this one resource, so the preview and the engine agree. */
const refusalOf = (s: AccessState, groupId: string, r: ResourceRow): string | null =>
  opModule({ op: 'group.shareResources', groupId, resources: [refOf(r)] }).refuse(s, { op: 'group.shareResources', groupId, resources: [refOf(r)] });

const SHOWN = 5;
const listed = (xs: NotShared[]): string =>
  xs.slice(0, SHOWN).map((x) => `“${x.name}” (${x.reason})`).join('; ') + (xs.length > SHOWN ? ` and ${fmt(xs.length - SHOWN)} more` : '');

export const planShareDrop = (s: AccessState, groupId: string, rows: readonly ResourceRow[]): ShareDrop => {
  const group = s.groups.get(groupId);
  if (!group) return { ok: false, reason: `unknown group "${groupId}"` };
  if (rows.length === 0) return { ok: false, reason: 'No resources selected.' };
  const share: Ref[] = [];
  const notShared: NotShared[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.objectType}\n${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (alreadyOn(s, groupId, r)) {
      notShared.push({ name: r.name, reason: `already shared with “${group.name}”` });
      continue;
    }
    const reason = refusalOf(s, groupId, r);
    if (reason) notShared.push({ name: r.name, reason });
    else share.push(refOf(r));
  }
  if (share.length === 0) {
    return { ok: false, reason: `Nothing can be shared with “${group.name}”: ${listed(notShared)}.` };
  }
  const roles = share.some((r) => r.objectType === 'Role');
  return {
    ok: true,
    ops: [{ op: 'group.shareResources', groupId, resources: share }],
    notShared,
    ausOff: roles ? groupMembersWithoutAus(s, groupId) : 0,
  };
};

/** What the preview says beside the plan: what is left out and why, and R19's AUS caveat. */
export const shareDropWarning = (d: Extract<ShareDrop, { ok: true }>, groupName: string): string | undefined => {
  const parts: string[] = [];
  if (d.notShared.length) parts.push(`Not shared, ${fmt(d.notShared.length)} of the dropped resources: ${listed(d.notShared)}.`);
  if (d.ausOff > 0) {
    parts.push(
      `${plural(d.ausOff, 'account')} of “${groupName}” ha${d.ausOff === 1 ? 's' : 've'} Advanced User Security off: shared roles are listed there but cannot be assigned until AUS is on (R15, R19).`,
    );
  }
  return parts.length ? parts.join(' ') : undefined;
};

export interface GroupTarget {
  id: string;
  name: string;
  defaultGroup: boolean;
  accountCount: number;
  userCount: number;
}

/** The side list's drop targets: All Accounts first (R3), then by name. */
export const groupTargets = (s: AccessState): GroupTarget[] =>
  s.groups
    .keys()
    .map((id) => {
      const g = s.groups.get(id)!;
      return { id, name: g.name, defaultGroup: g.defaultGroup === true, accountCount: s.groupAccounts.get(id)?.size ?? 0, userCount: s.groupUsers.get(id)?.size ?? 0 };
    })
    .sort((a, b) => Number(b.defaultGroup) - Number(a.defaultGroup) || a.name.localeCompare(b.name));
