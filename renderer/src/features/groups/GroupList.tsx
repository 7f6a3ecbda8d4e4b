import { memo, useMemo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useRoute } from '../../app/routeStore';
import type { GroupRow } from './data';
import { matches, useGroupsUi } from './uiStore';
import { GroupCounts } from './GroupCounts';
import { VirtualList } from '../../components/VirtualList';
import { useDragInProgress } from '../../components/dragEdgeScroll';

// A dense two-line item: name (with chips) over the counts.
const ITEM_HEIGHT = 60;

/** One group of the side list; also where dragged accounts are dropped. */
const GroupItem = memo(({ group, selected, tabIndex }: { group: GroupRow; selected: boolean; tabIndex: 0 | -1 }) => {
  const go = useRoute((s) => s.go);
  const { setNodeRef, isOver, active } = useDroppable({ id: `group:${group.id}`, data: { group } });
  return (
    <ListItemButton
      ref={setNodeRef}
      dense
      tabIndex={tabIndex}
      selected={selected}
      aria-current={selected ? 'page' : undefined}
      data-testid={`group-item-${group.name}`}
      onClick={() => go({ area: 'groups', item: group.id })}
      sx={{
        alignItems: 'flex-start',
        borderRadius: 1,
        mx: 1,
        outline: isOver ? (t) => `2px dashed ${t.palette.primary.main}` : active ? (t) => `1px dashed ${t.palette.divider}` : 'none',
        bgcolor: isOver ? 'action.focus' : undefined,
      }}
    >
      <ListItemText
        primary={
          <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <span>{group.name}</span>
            {group.defaultGroup && <Chip size="small" label="Default" title="All Accounts: holds every account (R3)" color="primary" variant="outlined" />}
            {group.pending === 'created' && <Chip size="small" label="Pending creation" color="warning" variant="outlined" />}
            {group.pending === 'renamed' && <Chip size="small" label="Rename pending" color="warning" variant="outlined" />}
          </Box>
        }
        secondary={<GroupCounts group={group} />}
      />
    </ListItemButton>
  );
});
GroupItem.displayName = 'GroupItem';

export const GroupList = ({ groups, selectedId, onCreate, createRefusal }: { groups: GroupRow[]; selectedId: string | undefined; onCreate: () => void; createRefusal?: string | null }) => {
  // Narrow subscriptions: selecting accounts must not re-render the side list.
  const groupSearch = useGroupsUi((s) => s.groupSearch);
  const setGroupSearch = useGroupsUi((s) => s.setGroupSearch);
  const shown = useMemo(() => groups.filter((g) => matches(groupSearch, g.name, g.id)), [groups, groupSearch]);
  // Only a drag's start and end re-render the list: the drop targets scroll near their edges meanwhile.
  const dragging = useDragInProgress();
  return (
    <Box component="section" aria-labelledby="groups-heading" sx={{ width: 300, flexShrink: 0, borderRight: 1, borderColor: 'divider', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Box sx={{ p: 2, pb: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography id="groups-heading" variant="h6" component="h2" sx={{ flex: 1 }}>
          Account groups
        </Typography>
        {/* R1: disabled with the reason said (a disabled button shows no tooltip, so it is described). */}
        <Button size="small" startIcon={<AddIcon />} onClick={onCreate} disabled={!!createRefusal} aria-describedby={createRefusal ? 'groups-unavailable' : undefined}>
          Create
        </Button>
      </Box>
      <Box sx={{ px: 2, pb: 1 }}>
        <TextField size="small" fullWidth label="Search groups" value={groupSearch} onChange={(e) => setGroupSearch(e.target.value)} />
      </Box>
      {/* Virtualised: 500 groups at the large tier drew 500 MUI list items on the first render. */}
      <VirtualList
        label="Account groups"
        items={shown}
        itemKey={(g) => g.id}
        estimateSize={ITEM_HEIGHT}
        roving
        dragEdgeScroll={dragging}
        initialIndex={Math.max(0, shown.findIndex((g) => g.id === selectedId))}
        renderItem={(g, tabIndex) => <GroupItem group={g} selected={g.id === selectedId} tabIndex={tabIndex} />}
        footer={
          shown.length === 0 && (
            <Typography sx={{ px: 2 }} color="text.secondary">
              {groups.length === 0 ? (createRefusal ? 'No account groups: see why on the right.' : 'No account groups in the cache yet.') : 'No group matches the search.'}
            </Typography>
          )
        }
      />
    </Box>
  );
};
