import { useMemo, useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { plural } from '../../app/format';
import type { GroupTarget } from './dropPlan';

// 500 groups at the large tier: the search narrows them; more than this many are not drawn.
const SHOWN = 200;

/** One group of the side list, where dragged resources are dropped (issue 6, R24). */
const Target = ({ group }: { group: GroupTarget }) => {
  const { setNodeRef, isOver, active } = useDroppable({ id: `share-group:${group.id}`, data: { target: group } });
  return (
    <ListItem
      ref={setNodeRef}
      data-testid={`share-target-${group.name}`}
      sx={{
        borderRadius: 1,
        mx: 1,
        width: 'auto',
        outline: isOver ? (t) => `2px dashed ${t.palette.primary.main}` : active ? (t) => `1px dashed ${t.palette.divider}` : 'none',
        bgcolor: isOver ? 'action.focus' : undefined,
      }}
    >
      <ListItemText
        primary={group.defaultGroup ? `${group.name} (default)` : group.name}
        secondary={`${plural(group.accountCount, 'account')} · ${plural(group.userCount, 'user')}`}
      />
    </ListItem>
  );
};

/** The groups resources can be dropped on; the keyboard path is "Share with group…". */
export const GroupDropList = ({ groups, initialSearch = '' }: { groups: GroupTarget[]; initialSearch?: string }) => {
  const [search, setSearch] = useState(initialSearch);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? groups.filter((g) => g.name.toLowerCase().includes(q)) : groups;
  }, [groups, search]);
  return (
    <Box
      component="section"
      aria-labelledby="share-targets-heading"
      sx={{ width: 240, flexShrink: 0, borderRight: 1, borderColor: 'divider', display: 'flex', flexDirection: 'column', minHeight: 0 }}
    >
      <Typography id="share-targets-heading" variant="subtitle1" component="h3" sx={{ px: 2, pt: 2 }}>
        Account groups
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
        Drag selected resources onto a group to share them with it.
      </Typography>
      <Box sx={{ px: 2, pb: 1 }}>
        <TextField size="small" fullWidth label="Search groups" value={search} onChange={(e) => setSearch(e.target.value)} />
      </Box>
      {/* Focusable, so keyboard users can scroll a long list (axe: scrollable-region-focusable). */}
      <Box tabIndex={0} role="region" aria-label="Group list" sx={{ overflow: 'auto', flex: 1, '&:focus-visible': { outline: (t) => `2px solid ${t.palette.primary.main}`, outlineOffset: -2 } }}>
        <List dense aria-label="Groups to share with">
          {shown.slice(0, SHOWN).map((g) => (
            <Target key={g.id} group={g} />
          ))}
        </List>
        {shown.length > SHOWN && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
            {plural(shown.length - SHOWN, 'more group')}: search to narrow the list.
          </Typography>
        )}
        {shown.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
            {groups.length === 0 ? 'No account groups in the cache yet.' : 'No group matches the search.'}
          </Typography>
        )}
      </Box>
    </Box>
  );
};
