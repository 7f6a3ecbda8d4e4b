import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/Edit';
import { AccountsTab } from './AccountsTab';
import { UsersTab } from './UsersTab';
import { ResourcesTab } from './ResourcesTab';
import { useGroupAccounts, useGroupUsers, type GroupRow } from './data';
import type { PendingMarks } from '../../domain/optimisticView';
import { renameRefusal, type DropMode } from '../../domain/groupPlans';
import { useGroupsUi, type GroupTab } from './uiStore';
import { GroupCounts } from './GroupCounts';
import { RuleText } from '../../components/RuleText';

interface Props {
  group: GroupRow;
  groups: GroupRow[];
  marks: PendingMarks;
  onRename: () => void;
  onAddToGroup: (target: GroupRow, accountIds: string[], mode: DropMode) => void;
  onRemove: (accountIds: string[]) => void;
  onAddUsers: (target: GroupRow, userIds: string[]) => void;
}

const TABS: { id: GroupTab; label: string }[] = [
  { id: 'accounts', label: 'Accounts' },
  { id: 'users', label: 'Users in Group' },
  { id: 'resources', label: 'Resources' },
];

/** A group's page: its accounts, its users with their roles, its resources. */
export const GroupPage = ({ group, groups, marks, onRename, onAddToGroup, onRemove, onAddUsers }: Props) => {
  // Narrow subscriptions: a selection change must not re-render the page around the tables.
  const tab = useGroupsUi((s) => s.tab);
  const setTab = useGroupsUi((s) => s.setTab);
  // A group still pending creation has no confirmed links (its provisional id matches none),
  // but it shows the accounts queued for it. Both are loaded here, not in their tabs, so a tab
  // opens on its rows at once (no flash of a disabled toolbar) and switching tabs keeps them.
  const accounts = useGroupAccounts(group, marks);
  const users = useGroupUsers(group, marks);
  const refusal = renameRefusal(group);
  return (
    <Box component="section" aria-labelledby="group-title" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ px: 2, pt: 2, display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography id="group-title" variant="h5" component="h2">
          {group.name}
        </Typography>
        {group.defaultGroup && (
          <Tooltip title="R3: All Accounts holds every account the primary account manages; new accounts join it, it cannot be renamed and accounts cannot be removed from it.">
            <Chip label="Default group: every managed account" color="primary" size="small" />
          </Tooltip>
        )}
        {group.pending === 'created' && <Chip label="Pending creation" color="warning" size="small" variant="outlined" />}
        {group.pending === 'renamed' && <Chip label="Rename pending" color="warning" size="small" variant="outlined" />}
        <Typography variant="body2" color="text.secondary">
          <GroupCounts group={group} />
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Tooltip title={refusal ?? ''}>
          <span>
            <Button size="small" startIcon={<EditIcon />} onClick={onRename} disabled={refusal !== null} aria-describedby={refusal ? 'rename-refusal' : undefined}>
              Rename
            </Button>
          </span>
        </Tooltip>
      </Box>
      {refusal && (
        <Typography id="rename-refusal" variant="body2" color="text.secondary" sx={{ px: 2 }}>
          <RuleText text={refusal} /> Accounts cannot be removed from it either, and no group can be deleted through the platform.
        </Typography>
      )}
      <Tabs value={tab} onChange={(_e, v: GroupTab) => setTab(v)} aria-label="Group details" sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} id={`group-tab-${t.id}`} aria-controls={`group-panel-${t.id}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`group-panel-${tab}`} aria-labelledby={`group-tab-${tab}`} sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {tab === 'accounts' && <AccountsTab group={group} groups={groups} accounts={accounts} onAddToGroup={onAddToGroup} onRemove={onRemove} />}
        {tab === 'users' && <UsersTab group={group} groups={groups} users={users} onAddToGroup={onAddUsers} />}
        {tab === 'resources' && <ResourcesTab group={group} />}
      </Box>
    </Box>
  );
};
