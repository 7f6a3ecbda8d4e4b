import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import UndoIcon from '@mui/icons-material/Undo';
import type { PlanOp } from '../../../../shared/plans/types';
import type { HistoryEntry, HistoryOp } from '../../cache';
import { db } from '../../app/db';
import { fmt } from '../../app/format';
import { useRoute } from '../../app/routeStore';
import { PlanPreviewDialog } from '../../components/PlanPreviewDialog';
import { saveFile } from '../../components/saveFile';
import { useAccessState } from '../../domain/accessState';
import { namesFrom } from '../../../../shared/plans/describe';
import { describeOp } from '../../../../shared/plans/registry';
import { historyEntries, markUndone } from '../../history/record';
import { filterHistory, historyCsv, undoRefusal, type HistoryFilter } from './model';

const RESULT_COLOR: Record<HistoryOp['status'], 'success' | 'default' | 'error'> = { applied: 'success', unchanged: 'default', failed: 'error' };

interface PlanCardProps {
  h: HistoryEntry;
  describe: (op: PlanOp) => string;
  focused: boolean;
  onUndo: () => void;
}

const PlanCard = ({ h, describe, focused, onUndo }: PlanCardProps) => {
  const refusal = undoRefusal(h);
  const failed = h.ops.filter((o) => o.status === 'failed').length;
  const titleId = `history-${h.planId}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      aria-labelledby={titleId}
      data-testid="history-plan"
      ref={(el: HTMLLIElement | null) => void (focused && el?.scrollIntoView({ block: 'nearest' }))}
      sx={{ p: 1.5, listStyle: 'none', borderColor: focused ? 'primary.main' : undefined, borderWidth: focused ? 2 : 1 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id={titleId} variant="subtitle2" component="h3">
          {new Date(h.appliedAt).toLocaleString()}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {h.platform} · {h.admin}
        </Typography>
        {failed > 0 && <Chip size="small" color="error" label={`${fmt(failed)} failed`} />}
        {h.undoneBy && <Chip size="small" label="Undone" />}
        <Box sx={{ flex: 1 }} />
        <Tooltip title={refusal ?? 'Build the plan that puts this back, and preview it'} describeChild>
          <span>
            <Button size="small" variant="outlined" startIcon={<UndoIcon />} disabled={refusal !== null} onClick={onUndo} aria-label="Undo">
              Undo
            </Button>
          </span>
        </Tooltip>
      </Stack>
      <Box component="ol" sx={{ m: 0, mt: 0.5, pl: 3 }} aria-label="Changes and results">
        {h.ops.map((o, i) => (
          <li key={i}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
              <Chip size="small" color={RESULT_COLOR[o.status]} label={o.status} />
              <Typography variant="body2">{describe(o.op)}</Typography>
            </Stack>
            {o.error && (
              <Typography variant="body2" color="error" sx={{ ml: 1 }}>
                Platform: {o.error}
              </Typography>
            )}
          </li>
        ))}
      </Box>
    </Paper>
  );
};

/**
 * History (DESIGN.md "Plan files"): every applied plan — when, which platform and admin, each op
 * with its result — newest first, with a filter, a CSV export and Undo, which previews the
 * inverse plan read from the state before the plan was applied.
 */
export const HistoryArea = () => {
  const entries = useLiveQuery(() => historyEntries(db), []);
  const live = useAccessState();
  const focus = useRoute((s) => s.route.item);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<HistoryFilter>('all');
  const [undo, setUndo] = useState<HistoryEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useMemo(() => namesFrom(live?.state), [live]);
  const describe = useMemo(() => (op: PlanOp) => describeOp(op, names), [names]);
  const shown = useMemo(() => filterHistory(entries ?? [], query, kind, describe), [entries, query, kind, describe]);
  useEffect(() => {
    if (focus) setKind('all');
  }, [focus]);
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0, flex: 1, overflow: 'auto' }}>
      <Typography variant="h5" component="h2">
        History
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField size="small" label="Filter history" value={query} onChange={(e) => setQuery(e.target.value)} sx={{ width: 260 }} />
        <TextField select size="small" label="Show" value={kind} onChange={(e) => setKind(e.target.value as HistoryFilter)} sx={{ minWidth: 180 }}>
          <MenuItem value="all">All plans</MenuItem>
          <MenuItem value="failed">With failures</MenuItem>
          <MenuItem value="undoable">Can be undone</MenuItem>
        </TextField>
        <Typography variant="body2" data-testid="history-count">
          {fmt(shown.length)} of {fmt(entries?.length ?? 0)} plans
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button
          variant="outlined"
          size="small"
          startIcon={<DownloadIcon />}
          disabled={shown.length === 0}
          onClick={() => saveFile(`roster-history-${new Date().toISOString().slice(0, 10)}.csv`, historyCsv(shown, describe), 'text/csv;charset=utf-8')}
        >
          Export CSV
        </Button>
      </Stack>
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {entries === undefined ? (
        <Typography>Loading…</Typography>
      ) : shown.length === 0 ? (
        <Typography color="text.secondary">
          {entries.length === 0 ? 'No plan has been applied yet: applied changes appear here once the platform has answered them.' : 'No plan matches the filter.'}
        </Typography>
      ) : (
        <Stack component="ul" spacing={1} sx={{ m: 0, p: 0 }} aria-label="Applied plans">
          {shown.map((h) => (
            <PlanCard key={h.planId} h={h} describe={describe} focused={h.planId === focus} onUndo={() => setUndo(h)} />
          ))}
        </Stack>
      )}
      {undo && (
        <PlanPreviewDialog
          title={`Undo the plan of ${new Date(undo.appliedAt).toLocaleString()}`}
          ops={undo.inverse}
          names={names}
          warning={undo.notes.length ? undo.notes.join(' ') : undefined}
          onClose={() => setUndo(null)}
          onQueued={(summary, planId) => {
            void markUndone(db, undo.planId, planId);
            setNotice(summary);
          }}
        />
      )}
    </Box>
  );
};
