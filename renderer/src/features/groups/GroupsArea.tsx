import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import { db } from '../../app/db';
import { useRoute } from '../../app/routeStore';
import { enqueuePlan } from '../../sync/outbox';
import type { PlanOp } from '../../../../shared/plans/types';
import { useGroups, usePrimaryAccount, type GroupRow } from './data';
import { GroupList } from './GroupList';
import { GroupPage } from './GroupPage';
import { GroupNameDialog } from './GroupNameDialog';
import { GroupPlanPreview } from './GroupPlanPreview';
import { groupsUnavailable, planCreateGroup, planRenameGroup } from '../../domain/groupPlans';
import { proposeAddAccounts, proposeAddUserRoles, proposeMoveAccounts, proposeRemoveAccounts } from './propose';
import { RolePickDialog } from './RolePickDialog';
import type { DragKind } from '../../components/DraggableRow';
import { warmAccessOffThread } from '../../domain/accessClient';
import { isOnlineNow, useConnection } from '../../app/connectionStore';
import { whenSent } from '../../domain/planCost';
import { useGroupsUi } from './uiStore';
import { DragChip } from '../../components/DragChip';
import { visibleCollision } from '../../components/visibleCollision';
import { RuleText } from '../../components/RuleText';

type NameDialog = { mode: 'create' } | { mode: 'rename'; group: GroupRow } | null;

/** The Groups area: the side list of groups (drop targets) and the open group's page. */
export const GroupsArea = () => {
  const { groups, marks } = useGroups();
  const primary = usePrimaryAccount();
  const item = useRoute((s) => s.route.item);
  // Narrow subscriptions: a selection change must not re-render the 500-group side list.
  const preview = useGroupsUi((s) => s.preview);
  const notice = useGroupsUi((s) => s.notice);
  const ui = useGroupsUi.getState();
  const [drag, setDrag] = useState<{ kind: DragKind; count: number } | null>(null);
  const rolePick = useGroupsUi((s) => s.rolePick);
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const group = groups?.find((g) => g.id === item) ?? groups?.[0];
  // The side list is drawn first, the open group's page in the render after (React lets the
  // browser paint in between): the page's tables cost as much again as the list, and the
  // groups are what the admin looks for first.
  const pageShown = useDeferredValue(groups !== undefined, false);
  const unavailable = groupsUnavailable(primary);
  useEffect(() => useGroupsUi.getState().clearSelection(), [group?.id]);
  // Build the rules engine's indexes once the admin starts selecting (a drop is likely next),
  // and again after each refresh from then on; never while the first screen is loading.
  const lastRefresh = useConnection((s) => s.lastRefresh);
  const selecting = useGroupsUi((s) => s.selection.selected.size > 0);
  const [warmed, setWarmed] = useState(false);
  useEffect(() => {
    if (selecting && !warmed) setWarmed(true);
  }, [selecting, warmed]);
  useEffect(() => {
    if (warmed) warmAccessOffThread();
  }, [warmed, lastRefresh]);

  // Shift held at the drop chooses move over copy; read from the keyboard, since dnd-kit's end event carries no modifiers.
  const shiftHeld = useRef(false);
  useEffect(() => {
    const track = (e: KeyboardEvent | PointerEvent) => void (shiftHeld.current = e.shiftKey);
    window.addEventListener('keydown', track);
    window.addEventListener('keyup', track);
    window.addEventListener('pointermove', track);
    return () => {
      window.removeEventListener('keydown', track);
      window.removeEventListener('keyup', track);
      window.removeEventListener('pointermove', track);
    };
  }, []);
  const moveToGroup = async (target: GroupRow, accountIds: string[]) => {
    if (!group || accountIds.length === 0) return;
    ui.openPreview(await proposeMoveAccounts(group, target, accountIds, marks, primary));
  };
  const addToGroup = async (target: GroupRow, accountIds: string[]) => {
    if (accountIds.length === 0) return;
    ui.openPreview(await proposeAddAccounts(target, accountIds, marks, primary));
  };
  const queue = async (ops: PlanOp[], what: string) => {
    await enqueuePlan(db, ops);
    ui.setNotice(`Queued: ${what}. ${whenSent(isOnlineNow())}`);
  };
  const onDragStart = (e: DragStartEvent) => {
    const { kind, id } = e.active.data.current as { kind: DragKind; id: string };
    const st = useGroupsUi.getState();
    const sel = kind === 'user' ? st.userSelection : st.selection;
    const set = kind === 'user' ? st.setUserSelection : st.setSelection;
    // Dragging an unselected row drags that row alone, as in a file manager.
    if (!sel.selected.has(id)) set({ selected: new Set([id]), anchor: id });
    setDrag({ kind, count: sel.selected.has(id) ? sel.selected.size : 1 });
  };
  const onDragEnd = (e: DragEndEvent) => {
    const kind = drag?.kind;
    setDrag(null);
    const target = e.over?.data.current?.group as GroupRow | undefined;
    if (!target) return;
    const st = useGroupsUi.getState();
    // Users may go to the open group too (from "All users", or for one more role there).
    if (kind === 'user') st.setRolePick({ target, userIds: [...st.userSelection.selected] });
    else if (target.id !== group?.id) {
      const ids = [...st.selection.selected];
      void (shiftHeld.current ? moveToGroup(target, ids) : addToGroup(target, ids));
    }
  };

  if (!groups) return <Typography sx={{ p: 3 }}>Loading the cache…</Typography>;
  return (
    <DndContext sensors={sensors} collisionDetection={visibleCollision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDrag(null)}>
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <GroupList groups={groups} selectedId={group?.id} onCreate={() => setNameDialog({ mode: 'create' })} createRefusal={unavailable?.reason ?? null} />
        {unavailable && !group ? (
          <Box sx={{ p: 3, maxWidth: 760 }}>
            <Alert severity="info" id="groups-unavailable" data-testid="groups-unavailable">
              <AlertTitle>
                <RuleText text="Account groups need a primary account" rules={['R1']} />
              </AlertTitle>
              <RuleText text={unavailable.guidance} />
            </Alert>
          </Box>
        ) : group && !pageShown ? (
          <Box aria-busy="true" sx={{ flex: 1 }} />
        ) : group ? (
          <GroupPage
            group={group}
            groups={groups}
            marks={marks}
            onRename={() => setNameDialog({ mode: 'rename', group })}
            onAddToGroup={(t, ids, mode) => void (mode === 'move' ? moveToGroup(t, ids) : addToGroup(t, ids))}
            onRemove={(ids) => void proposeRemoveAccounts(group, ids, marks).then(ui.openPreview)}
            onAddUsers={(target, userIds) => ui.setRolePick({ target, userIds })}
          />
        ) : (
          <Typography sx={{ p: 3 }} color="text.secondary">
            No account groups yet. They appear here after the first refresh from the platform.
          </Typography>
        )}
      </Box>
      <DragChip
        count={drag?.count ?? null}
        noun={drag?.kind ?? 'account'}
        // Accounts dropped on their own group go nowhere: no target is named.
        targetName={(over) => {
          const t = over.data.current?.group as GroupRow | undefined;
          return t && (drag?.kind === 'user' || t.id !== group?.id) ? t.name : undefined;
        }}
      />
      {preview && <GroupPlanPreview preview={preview} groups={groups} onQueued={ui.setNotice} onClose={ui.closePreview} />}
      {rolePick && (
        <RolePickDialog
          target={rolePick.target}
          userIds={rolePick.userIds}
          onClose={() => ui.setRolePick(null)}
          onPick={(roleIds) => {
            ui.setRolePick(null);
            void proposeAddUserRoles(rolePick.target, rolePick.userIds, roleIds).then(ui.openPreview);
          }}
        />
      )}
      {nameDialog?.mode === 'create' && (
        <GroupNameDialog
          mode="create"
          initial=""
          plan={(name) => planCreateGroup(name, groups, primary)}
          onQueue={(p) => queue(p.ops, 'create group')}
          onClose={() => setNameDialog(null)}
        />
      )}
      {nameDialog?.mode === 'rename' && (
        <GroupNameDialog
          mode="rename"
          initial={nameDialog.group.name}
          plan={(name) => planRenameGroup(nameDialog.group, name, groups)}
          onQueue={(p) => queue(p.ops, 'rename group')}
          onClose={() => setNameDialog(null)}
        />
      )}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => ui.setNotice(null)} message={notice ?? ''} />
    </DndContext>
  );
};
