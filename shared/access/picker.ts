import { pair } from './layer';
import type { AccessState } from './state';
import { userName } from './reach';

export interface PickerRow {
  userId: string;
  name: string;
  /** How many of the selected accounts the user already has (R26, R27). */
  currentAccess: number;
}

export interface PickerQuery {
  serviceId: string;
  accountIds: readonly string[];
  mode: 'grant' | 'revoke';
  search?: string;
}

/**
 * The partner-access user picker. Grant (R26): users of the service's entity (R25) with no or
 * partial access to the selection; revoke (R27): users with full or partial access. Search
 * matches name or e-mail, case-insensitively.
 */
export const partnerPicker = (s: AccessState, q: PickerQuery): PickerRow[] => {
  const svc = s.services.get(q.serviceId);
  if (!svc) throw new Error(`unknown partner service "${q.serviceId}"`);
  const outside = q.accountIds.filter((a) => !s.serviceAccounts.has(q.serviceId, a));
  if (outside.length) throw new Error(`account "${outside[0]}" is not part of service "${svc.name}"`);
  const selected = [...new Set(q.accountIds)];
  const needle = q.search?.trim().toLowerCase() ?? '';
  const rows: PickerRow[] = [];
  for (const u of s.users.keys()) {
    const user = s.users.get(u)!;
    if (user.entityId !== svc.entityId) continue;
    const name = userName(s, u);
    if (needle && !u.toLowerCase().includes(needle) && !name.toLowerCase().includes(needle)) continue;
    const currentAccess = selected.filter((a) => s.partner.has(pair(a, u), q.serviceId)).length;
    const listed = q.mode === 'grant' ? currentAccess < selected.length : currentAccess > 0;
    if (listed) rows.push({ userId: u, name, currentAccess });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
};
