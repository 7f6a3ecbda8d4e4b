import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { db } from '../../app/db';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { planChangeRoles, planRemoveUsersFromGroup, type MemberRoles } from '../../domain/groupPlans';
import { prefetchAccessPreview } from '../../domain/accessClient';
import { plural } from '../../app/format';
import { ChangeRolesDialog } from './ChangeRolesDialog';
import type { PlanPreview } from './uiStore';
import { SelectionControls } from '../../components/SelectionControls';
import { AddToGroupDialog } from '../../components/AddToGroupDialog';
import { DraggableRow } from '../../components/DraggableRow';
import { emptySelection, selectAll } from '../../domain/selection';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { VirtualTable, useSortedRows, type Column } from '../../components/VirtualTable';
import { DensityButton, SelectFromList, usePasteSelection } from '../../components/TableTools';
import type { GroupRow, UserInGroupRow } from './data';
import { matches, useGroupsUi, type UserScope } from './uiStore';
import { Person } from '../../components/Person';

/**
 * "All users": every user of the cache, with the roles they hold in this group (none for most),
 * so an admin can drag someone who is in no group yet onto one (seed 002 built from scratch).
 */
const useAllUsers = (enabled: boolean, inGroup: UserInGroupRow[] | undefined): UserInGroupRow[] | undefined => {
  const all = useLiveQuery(async () => (enabled ? db.User.toArray() : undefined), [enabled]);
  return useMemo(() => {
    if (!all || !inGroup) return undefined;
    const roles = new Map(inGroup.map((u) => [u.userId, u.roles]));
    return all
      .map((u) => ({ userId: u.userId, name: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.userId, roles: roles.get(u.userId) ?? [] }))
      .sort((a, b) => a.userId.localeCompare(b.userId));
  }, [all, inGroup]);
};

const userKey = (u: UserInGroupRow): string => u.userId;

const COLUMNS: Column<UserInGroupRow>[] = [
  // A person's e-mail is long, their roles in one group few: the User column gets the room
  // ("chloe.dubois116@partner.example.com" whole at 1280 px); a longer one ends in an ellipsis
  // with the whole text on hover (Person).
  { id: 'user', header: 'User', width: 'minmax(260px, 3fr)', render: (u) => <Person name={u.name} userId={u.userId} />, sortKey: (u) => `${u.name}\n${u.userId}` },
  {
    id: 'roles',
    header: 'Roles in this group',
    width: 'minmax(200px, 2fr)',
    sortKey: (u) => u.roles.map((r) => r.name).join(', '),
    render: (u) => (
      <Box component="span" sx={{ display: 'inline-flex', gap: 0.5 }}>
        {u.roles.map((r) =>
          r.pending === 'add' ? (
            <Chip key={r.roleId} size="small" color="warning" variant="outlined" label={`${r.name} · pending`} />
          ) : r.pending === 'remove' ? (
            <Chip key={r.roleId} size="small" color="warning" variant="outlined" label={<s>{r.name}</s>} aria-label={`${r.name} · removal pending`} />
          ) : (
            <Chip key={r.roleId} size="small" label={r.name} />
          ),
        )}
      </Box>
    ),
  },
];

/** Users in Group: each user with the roles they hold in this group (R7). */
interface Props {
  group: GroupRow;
  groups: GroupRow[];
  users: UserInGroupRow[] | undefined;
  onAddToGroup: (target: GroupRow, userIds: string[]) => void;
}

export const UsersTab = ({ group, groups, users, onAddToGroup }: Props) => {
  const { userSearch, setUserSearch, userSelection, clickUser, setUserSelection, userScope, setUserScope } = useGroupsUi();
  const [picking, setPicking] = useState(false);
  const [changing, setChanging] = useState(false);
  const openPreview = useGroupsUi((s) => s.openPreview);
  const propose = (p: PlanPreview) => {
    if (p.planned.ok) prefetchAccessPreview(p.planned.ops);
    openPreview(p);
  };
  const everyone = useAllUsers(userScope === 'all', users);
  const listed = userScope === 'all' ? everyone : users;
  const filtered = useMemo(
    () => (listed ?? []).filter((u) => matches(userSearch, u.userId, u.name, ...u.roles.map((r) => r.name))),
    [listed, userSearch],
  );
  // The order the table shows is the order a Shift-click range and "Select all" follow.
  const { rows: shown, sort, onSort } = useSortedRows(filtered, COLUMNS);
  const { pasted, match, selectKeys, onPasteList } = usePasteSelection(shown, userKey, setUserSelection);
  const order = useMemo(() => shown.map((u) => u.userId), [shown]);
  const selectedShown = useMemo(() => order.filter((id) => userSelection.selected.has(id)), [order, userSelection]);
  // The selected users with the roles they hold in this group (none for users shown from "All users").
  const members = useMemo((): MemberRoles[] => {
    const inGroup = new Map((users ?? []).map((u) => [u.userId, u.roles.map((r) => r.roleId)]));
    return selectedShown.map((userId) => ({ userId, roleIds: inGroup.get(userId) ?? [] }));
  }, [users, selectedShown]);
  const holding = members.filter((m) => m.roleIds.length > 0);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      {/* One line at 1280 px with the search's label whole ("Search users or roles", not "Search
          users…"): the actions keep short visible labels whose accessible names hold the whole
          action (WCAG 2.5.3); which users are shown and selecting them are on the line below. */}
      <Box sx={{ p: 1.5, pb: 1, display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'nowrap', '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 } }}>
        <TextField size="small" label="Search users or roles" value={userSearch} onChange={(e) => setUserSearch(e.target.value)} sx={{ flex: '0 1 240px', minWidth: 200 }} />
        <SelectFromList noun="user" match={match} onSelect={selectKeys} />
        <DensityButton />
        <Box sx={{ flex: 1 }} />
        <Tooltip title="Add the selected users to a group, with the roles you pick" describeChild>
          <span>
            <Button
              variant="contained"
              size="small"
              disabled={selectedShown.length === 0}
              aria-label="Add to group…"
              aria-haspopup="dialog"
              onClick={() => setPicking(true)}
            >
              Add to…
            </Button>
          </span>
        </Tooltip>
        <Tooltip title={holding.length ? 'Take every role these users hold in this group' : 'Select users who hold roles in this group'} describeChild>
          <span>
            <Button
              variant="outlined"
              size="small"
              aria-label="Remove from group"
              disabled={holding.length === 0}
              onClick={() => propose({ title: `Remove ${plural(holding.length, 'user')} from ${group.name}`, target: group, planned: planRemoveUsersFromGroup(group, holding) })}
            >
              Remove
            </Button>
          </span>
        </Tooltip>
        <Button variant="outlined" size="small" disabled={members.length === 0} aria-haspopup="dialog" onClick={() => setChanging(true)}>
          Change roles…
        </Button>
      </Box>
      <Box sx={{ px: 1.5, pb: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', '& .MuiToggleButton-root': { px: 0.75, py: 0.25, whiteSpace: 'nowrap' } }}>
        <ToggleButtonGroup size="small" exclusive value={userScope} onChange={(_e, v: UserScope | null) => v && setUserScope(v)} aria-label="Users shown" sx={{ flexShrink: 0 }}>
          <ToggleButton value="group">In this group</ToggleButton>
          <ToggleButton value="all">All users</ToggleButton>
        </ToggleButtonGroup>
        <SelectionControls
          shown={order.length}
          selectedShown={selectedShown.length}
          anySelected={userSelection.selected.size > 0}
          onSelectAll={() => setUserSelection(selectAll(order))}
          onClear={() => setUserSelection(emptySelection())}
          countTestId="user-selection-count"
          pasted={pasted}
        />
      </Box>
      {changing && (
        <ChangeRolesDialog
          group={group}
          members={members}
          onClose={() => setChanging(false)}
          onPick={(add, remove) => {
            setChanging(false);
            propose({ title: `Change roles of ${plural(members.length, 'user')} in ${group.name}`, target: group, planned: planChangeRoles(group, members, add, remove) });
          }}
        />
      )}
      {picking && (
        <AddToGroupDialog
          count={selectedShown.length}
          noun="user"
          targets={userScope === 'all' ? groups : groups.filter((g) => g.id !== group.id)}
          onClose={() => setPicking(false)}
          onPick={(t) => {
            setPicking(false);
            onAddToGroup(t, selectedShown);
          }}
        />
      )}
      <VirtualTable
        label={userScope === 'all' ? 'All users' : `Users in ${group.name}`}
        idPrefix="users"
        rows={shown}
        rowKey={(u) => u.userId}
        columns={COLUMNS}
        selected={userSelection.selected}
        onSelect={(id, mods) => clickUser(order, id, mods)}
        onSelectAll={() => setUserSelection(selectAll(order))}
        onClearSelection={() => setUserSelection(emptySelection())}
        sort={sort}
        onSort={onSort}
        onPasteList={onPasteList}
        renderRow={(key, props, cells) => (
          <DraggableRow key={key} kind="user" rowKey={key} props={props}>
            {cells}
          </DraggableRow>
        )}
        empty={listed === undefined ? 'Loading…' : listed.length === 0 ? (userScope === 'all' ? 'No users yet.' : 'No users have roles in this group: show “All users” to add some.') : 'No user matches the search.'}
      />
    </Box>
  );
};
