import { fmt, plural } from '../../app/format';
import type { GroupRow } from './data';

/**
 * A group's counts as the view has them, with what is still pending ("+3 pending", "−2 pending"):
 * the side list and the group's header say the same, and neither reads 0 before the links load.
 */
export const GroupCounts = ({ group }: { group: GroupRow }) => {
  if (!group.countsKnown) return <span data-testid={`group-counts-${group.name}`}>Loading accounts and users…</span>;
  const pending = [group.pendingAdds > 0 && `+${fmt(group.pendingAdds)} pending`, group.pendingRemoves > 0 && `−${fmt(group.pendingRemoves)} pending`].filter(Boolean);
  return (
    <span data-testid={`group-counts-${group.name}`}>
      {plural(group.accountCount, 'account')} · {plural(group.userCount, 'user')}
      {pending.map((p) => ` · ${p}`).join('')}
    </span>
  );
};
