import { memo, useMemo, useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import Box from '@mui/material/Box';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { plural } from '../../app/format';
import type { GroupTarget } from './dropPlan';
import { VirtualList } from '../../components/VirtualList';
import { useDragInProgress } from '../../components/dragEdgeScroll';

// A two-line item: name over the counts.
const ITEM_HEIGHT = 52;

/** One group of the side list, where dragged resources are dropped (R24). */
const Target = memo(({ group }: { group: GroupTarget }) => {
  const { setNodeRef, isOver, active } = useDroppable({ id: `share-group:${group.id}`, data: { target: group } });
  return (
    <Box
      ref={setNodeRef}
      data-testid={`share-target-${group.name}`}
      sx={{
        borderRadius: 1,
        mx: 1,
        px: 2,
        py: 0.5,
        outline: isOver ? (t) => `2px dashed ${t.palette.primary.main}` : active ? (t) => `1px dashed ${t.palette.divider}` : 'none',
        bgcolor: isOver ? 'action.focus' : undefined,
      }}
    >
      <ListItemText
        sx={{ my: 0.25 }}
        primary={group.defaultGroup ? `${group.name} (default)` : group.name}
        secondary={`${plural(group.accountCount, 'account')} · ${plural(group.userCount, 'user')}`}
        slotProps={{ primary: { variant: 'body2' } }}
      />
    </Box>
  );
});
Target.displayName = 'Target';

/** The groups resources can be dropped on; the keyboard path is "Share with group…". */
export const GroupDropList = ({ groups, initialSearch = '' }: { groups: GroupTarget[]; initialSearch?: string }) => {
  const [search, setSearch] = useState(initialSearch);
  // dnd-kit scrolls only the lists holding the drop target under the pointer: this list also
  // scrolls when the pointer nears its edges beside or between the targets.
  const dragging = useDragInProgress();
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
      {/* Virtualised, so all 500 groups of the large tier can be scrolled to; the
          scroller is focusable, so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <VirtualList
        label="Groups to share with"
        scrollerLabel="Group list"
        items={shown}
        itemKey={(g) => g.id}
        estimateSize={ITEM_HEIGHT}
        dragEdgeScroll={dragging}
        renderItem={(g) => <Target group={g} />}
        footer={
          shown.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
              {groups.length === 0 ? 'No account groups in the cache yet.' : 'No group matches the search.'}
            </Typography>
          )
        }
      />
    </Box>
  );
};
