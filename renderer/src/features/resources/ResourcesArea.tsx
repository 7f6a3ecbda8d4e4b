import { useMemo, useRef, useState } from 'react';
import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ResourceObjectType } from '../../../../shared/model';
import { fmt, plural } from '../../app/format';
import { useRoute } from '../../app/routeStore';
import { AddToGroupDialog } from '../../components/AddToGroupDialog';
import { DragChip } from '../../components/DragChip';
import { visibleCollision } from '../../components/visibleCollision';
import { emptySelection, type Selection } from '../../domain/selection';
import { useAccessState } from '../../domain/accessState';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import { namesFrom } from '../../../../shared/plans/describe';
import { RefusedDialog } from '../../components/RefusedDialog';
import { RESOURCE_TYPES, ausSummary, resourceRows, sharingIndex } from './model';
import { ResourceDetail, type Proposal } from './ResourceDetail';
import { ResourceTable } from './ResourceTable';
import { GroupDropList } from './GroupDropList';
import { groupTargets, planShareDrop, shareDropWarning, type GroupTarget } from './dropPlan';
import { useMissingCapability } from '../../app/capabilities';
import { RuleText } from '../../components/RuleText';

/** Resources (R15, R16, R19–R24): per type, which groups share each and why it may be shared. */
export const ResourcesArea = () => {
  const live = useAccessState();
  const lacksCatalogue = useMissingCapability('publishedResources');
  const routeItem = useRoute((s) => s.route.item);
  const [type, setType] = useState<ResourceObjectType>('Role');
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [picking, setPicking] = useState(false);
  const [dragCount, setDragCount] = useState<number | null>(null);
  const dragged = useRef<string[]>([]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const sharing = useMemo(() => (live ? sharingIndex(live.state) : null), [live]);
  // Every type's rows once per cache change: the tabs show each type's count, and switching tabs
  // then builds nothing.
  const rowsByType = useMemo(
    () => new Map(RESOURCE_TYPES.map((t) => [t.type, live && sharing ? resourceRows(live.state, t.type, sharing) : []])),
    [live, sharing],
  );
  const all = useMemo(() => rowsByType.get(type) ?? [], [rowsByType, type]);
  const targets = useMemo(() => (live ? groupTargets(live.state) : []), [live]);
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? all.filter((r) => r.name.toLowerCase().includes(q) || r.groups.some((g) => g.name.toLowerCase().includes(q))) : all;
  }, [all, search]);
  if (!live) return <Typography sx={{ p: 3 }}>Loading the cache…</Typography>;
  const { state } = live;
  const aus = ausSummary(state);
  // Opened from a group's Resources tab: that group leads the drop list.
  const from = routeItem ? state.groups.get(routeItem)?.name : undefined;
  const info = RESOURCE_TYPES.find((t) => t.type === type)!;
  // The detail shows the one selected resource; a multi-selection is for dropping on a group.
  const row = selection.selected.size === 1 ? all.find((r) => selection.selected.has(r.id)) : undefined;
  const selectedIds = () => rows.filter((r) => selection.selected.has(r.id)).map((r) => r.id);
  const shareWith = (target: GroupTarget, ids: readonly string[]) => {
    const wanted = new Set(ids);
    const picked = all.filter((r) => wanted.has(r.id));
    const d = planShareDrop(state, target.id, picked);
    // The title counts what will be shared, not what was picked (some may be refused or shared already).
    const shared = d.ok ? d.ops.reduce((n, op) => n + ('resources' in op ? op.resources.length : 0), 0) : picked.length;
    const what = picked.length === 1 ? `“${picked[0]!.name}”` : shared < picked.length ? `${shared} of ${plural(picked.length, 'resource')}` : plural(picked.length, 'resource');
    const warning = d.ok ? shareDropWarning(d, target.name) : undefined;
    setProposal({ title: `Share ${what} with “${target.name}”`, planned: d.ok ? { ok: true, ops: d.ops } : d, ...(warning ? { warning } : {}) });
  };
  const onDragStart = (e: DragStartEvent) => {
    const { id } = e.active.data.current as { id: string };
    // Dragging an unselected row drags that row alone, as in a file manager.
    if (!selection.selected.has(id)) setSelection({ selected: new Set([id]), anchor: id });
    dragged.current = selection.selected.has(id) ? selectedIds() : [id];
    setDragCount(dragged.current.length);
  };
  const onDragEnd = (e: DragEndEvent) => {
    setDragCount(null);
    const target = e.over?.data.current?.target as GroupTarget | undefined;
    if (target) shareWith(target, dragged.current);
  };
  return (
    <Box component="section" aria-labelledby="resources-title" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Stack direction="row" spacing={1.5} sx={{ px: 2, pt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="resources-title" variant="h5" component="h2">
          Resources
        </Typography>
        {/* Rule codes are for the curious: in the tooltip, not the label. */}
        <Tooltip title="R15, R19: sharing a custom role needs Advanced User Security on the primary account; with it off, roles already shared stay but no new one can be shared.">
          <Chip
            size="small"
            data-testid="aus-primary"
            color={aus.primaryUnknown ? 'default' : aus.primaryOn ? 'success' : 'warning'}
            label={`Advanced User Security on the primary account: ${aus.primaryUnknown ? "unknown — this platform's API does not tell it (the platform decides)" : aus.primaryOn ? 'on' : 'off — no new role can be shared'}`}
          />
        </Tooltip>
        <Tooltip title="R19: in a member account with AUS off, shared roles can no longer be assigned (existing assignments stay).">
          <Chip size="small" variant="outlined" label={`${fmt(aus.membersOff)} of ${fmt(aus.members)} member accounts have AUS off${aus.membersUnknown ? `, ${fmt(aus.membersUnknown)} unknown` : ''}`} />
        </Tooltip>
        {lacksCatalogue && <Chip size="small" variant="outlined" data-testid="capability-missing" label={lacksCatalogue} />}
      </Stack>
      <Tabs value={type} onChange={(_e, v: ResourceObjectType) => { setType(v); setSelection(emptySelection()); }} variant="scrollable" aria-label="Resource types" sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}>
        {RESOURCE_TYPES.map((t) => (
          <Tab key={t.type} value={t.type} label={`${t.label} (${rowsByType.get(t.type)?.length ?? 0})`} id={`resources-tab-${t.type.replace(/ /g, '-')}`} aria-controls="resources-panel" />
        ))}
      </Tabs>
      {banner && (
        <Alert severity="success" onClose={() => setBanner(null)} sx={{ mx: 2, mt: 1 }} role="status">
          {banner}
        </Alert>
      )}
      <DndContext sensors={sensors} collisionDetection={visibleCollision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragCount(null)}>
        <Box role="tabpanel" id="resources-panel" aria-labelledby={`resources-tab-${type.replace(/ /g, '-')}`} sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <GroupDropList key={from ?? ''} groups={targets} initialSearch={from ?? ''} />
          <Box sx={{ flex: 3, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1, p: 2 }}>
            <ResourceTable label={info.label} rows={rows} search={search} onSearch={setSearch} selection={selection} onSelection={setSelection} onShare={() => setPicking(true)} />
          </Box>
          <Box sx={{ flex: 2, minWidth: 320, display: 'flex', flexDirection: 'column', overflow: 'auto', py: 2, pr: 2 }}>
            {row ? (
              <ResourceDetail key={row.id} state={state} row={row} eligibility={info.eligibility} onPropose={setProposal} />
            ) : (
              // The type's eligibility is said once: here until a resource is picked, then in its detail.
              <Typography color="text.secondary" component="div">
                <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="type-eligibility">
                  <RuleText text={info.eligibility} />
                </Typography>
                {selection.selected.size > 1
                  ? `${plural(selection.selected.size, 'resource')} selected: drag them onto a group, or use “Share with group…”.`
                  : 'Select a resource to see which groups share it, share it with another group or unshare it. Select several to share them at once.'}
              </Typography>
            )}
          </Box>
        </Box>
        <DragChip count={dragCount} noun="resource" targetName={(over) => (over.data.current?.target as GroupTarget | undefined)?.name} />
      </DndContext>
      {picking && (
        <AddToGroupDialog
          count={selectedIds().length}
          noun="resource"
          targets={targets}
          onClose={() => setPicking(false)}
          onPick={(t) => {
            setPicking(false);
            shareWith(t, selectedIds());
          }}
        />
      )}
      {proposal && !proposal.planned.ok && <RefusedDialog title={proposal.title} reason={proposal.planned.reason} onClose={() => setProposal(null)} />}
      {proposal?.planned.ok && (
        <PlanPreviewDialog
          title={proposal.title}
          ops={proposal.planned.ops}
          names={namesFrom(state)}
          warning={proposal.warning}
          onClose={() => setProposal(null)}
          onQueued={setBanner}
        />
      )}
    </Box>
  );
};
