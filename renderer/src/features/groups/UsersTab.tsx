import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import type { GroupRow, UserInGroupRow } from './data';
import { matches, useGroupsUi } from './uiStore';

const COLUMNS: Column<UserInGroupRow>[] = [
  { id: 'user', header: 'User', width: 'minmax(220px, 1.5fr)', render: (u) => u.userId },
  { id: 'name', header: 'Name', width: 'minmax(140px, 1fr)', render: (u) => u.name },
  {
    id: 'roles',
    header: 'Roles in this group',
    width: 'minmax(220px, 2fr)',
    render: (u) => (
      <Box component="span" sx={{ display: 'inline-flex', gap: 0.5 }}>
        {u.roles.map((r) => (
          <Chip key={r.roleId} size="small" label={r.name} />
        ))}
      </Box>
    ),
  },
];

/** Users in Group: each user with the roles they hold in this group (R7). */
export const UsersTab = ({ group, users }: { group: GroupRow; users: UserInGroupRow[] | undefined }) => {
  const { userSearch, setUserSearch } = useGroupsUi();
  const shown = useMemo(
    () => (users ?? []).filter((u) => matches(userSearch, u.userId, u.name, ...u.roles.map((r) => r.name))),
    [users, userSearch],
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box sx={{ p: 1.5 }}>
        <TextField size="small" label="Search users or roles" value={userSearch} onChange={(e) => setUserSearch(e.target.value)} sx={{ width: 280 }} />
      </Box>
      <VirtualTable
        label={`Users in ${group.name}`}
        idPrefix="users"
        rows={shown}
        rowKey={(u) => u.userId}
        columns={COLUMNS}
        empty={users === undefined ? 'Loading…' : users.length === 0 ? 'No users have roles in this group.' : 'No user matches the search.'}
      />
    </Box>
  );
};
