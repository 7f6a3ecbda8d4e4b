import { useDeferredValue, useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { roleLabel, type AccessState } from '../../../../shared/access';
import {
  DEFAULT_QUERY, buildMatrix, isMember, matrixAxes, roleIdsInGroup, targetKey, userLabel, type MatrixKind, type MatrixQuery, type ReviewTarget,
} from '../../../../shared/review';
import { plural } from '../../app/format';
import { useRoute } from '../../app/routeStore';
import { VirtualMatrix, type RowHeader } from '../../components/VirtualMatrix';
import { MatrixCellDetail } from './MatrixCellDetail';
import { useReviews } from './useReview';

type Verdicts = ReadonlyMap<string, 'keep' | 'remove'>;

const MARK = { keep: ' ✓', remove: ' ✗' } as const;
const verdictStyle = (v: 'keep' | 'remove' | undefined) =>
  v === 'remove' ? { color: '#c62828', textDecoration: 'line-through' } : v === 'keep' ? { color: '#2e7d32' } : undefined;

/**
 * The matrix views (groups × accounts: membership; users × groups: roles), virtualised both
 * ways for the large tier, with search, a group filter, sort, and "only rows with cells".
 * A cell opens its detail: the context of the row and Keep / Remove with a note.
 */
export const MatrixView = ({ s, kind }: { s: AccessState; kind: MatrixKind }) => {
  const go = useRoute((r) => r.go);
  const axes = useMemo(() => matrixAxes(s), [s]);
  const [query, setQuery] = useState<MatrixQuery>(DEFAULT_QUERY);
  const deferred = useDeferredValue(query);
  const m = useMemo(() => buildMatrix(s, axes, kind, deferred), [s, axes, kind, deferred]);
  const [chosen, setChosen] = useState<{ row: string; col: string } | null>(null);
  const reviews = useReviews();
  const verdicts: Verdicts = useMemo(() => {
    const open = reviews?.find((r) => !r.signedOff);
    return new Map((open?.decisions ?? []).map((d) => [targetKey(d.target), d.verdict]));
  }, [reviews]);
  // A cell's roles, sorted and labelled once per state: each drawn cell asks for them twice (its content and its label) on every scroll frame.
  const rolesIn = useMemo(() => {
    const known = new Map<string, { roleId: string; label: string }[]>();
    return (userId: string, groupId: string) => {
      const key = `${userId}\n${groupId}`;
      let roles = known.get(key);
      if (!roles) {
        const at = s.groups.get(groupId)?.accountId ?? '';
        roles = roleIdsInGroup(s, userId, groupId).map((roleId) => ({ roleId, label: roleLabel(s, roleId, at) }));
        known.set(key, roles);
      }
      return roles;
    };
  }, [s]);
  const set = (patch: Partial<MatrixQuery>) => setQuery((q) => ({ ...q, ...patch }));

  const membership = kind === 'membership';
  const rowName = (id: string) => (membership ? (s.accounts.get(id)?.name ?? id) : userLabel(s, id));
  const groupName = (g: string) => s.groups.get(g)?.name ?? g;
  const groupAccountTarget = (g: string, a: string): ReviewTarget => ({ type: 'groupAccount', groupId: g, accountId: a });

  const cell = (r: number, c: number) => {
    const id = m.rows[r]!;
    const g = m.columns[c]!;
    if (membership) {
      if (!isMember(s, g, id)) return null;
      const v = verdicts.get(targetKey(groupAccountTarget(g, id)));
      return <span style={verdictStyle(v)}>●{v ? MARK[v] : ''}</span>;
    }
    return rolesIn(id, g).map(({ roleId, label }, i) => {
      const v = verdicts.get(targetKey({ type: 'groupUserRole', groupId: g, userId: id, roleId }));
      return <span key={roleId} style={verdictStyle(v)}>{i ? ', ' : ''}{label}{v ? MARK[v] : ''}</span>;
    });
  };
  const cellLabel = (r: number, c: number) => {
    const id = m.rows[r]!;
    const g = m.columns[c]!;
    if (membership) return `${rowName(id)} in ${groupName(g)}${isMember(s, g, id) ? '' : ': not a member'}`;
    const roles = rolesIn(id, g);
    return `${id} in ${groupName(g)}: ${roles.length ? roles.map((x) => x.label).join(', ') : 'no role'}`;
  };
  const rowNoun = membership ? 'account' : 'user';
  // Cut to the header column, so the whole name, id and what the count counts are the header's tooltip and accessible name.
  const rowHeader = (r: number): RowHeader => {
    const id = m.rows[r]!;
    const n = m.counts[r]!;
    const label = rowName(id);
    const full = membership ? `${label} (${id}): in ${plural(n, 'shown group')}` : `${label}: a role in ${plural(n, 'shown group')}`;
    return { label, badge: `(${n})`, full };
  };
  const chosenAt = chosen ? { row: m.rows.indexOf(chosen.row), col: m.columns.indexOf(chosen.col) } : null;

  return (
    <Stack spacing={1.5} sx={{ minHeight: 0, flex: 1 }} component="section" aria-label="Matrix">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <ToggleButtonGroup size="small" exclusive value={kind} aria-label="Matrix view"
          onChange={(_e, v: MatrixKind | null) => { if (v) { setChosen(null); go({ area: 'review', item: v === 'roles' ? 'matrix:roles' : 'matrix' }); } }}>
          <ToggleButton value="membership">Groups × accounts</ToggleButton>
          <ToggleButton value="roles">Users × groups</ToggleButton>
        </ToggleButtonGroup>
        <TextField size="small" label={membership ? 'Search accounts' : 'Search users'} value={query.rowSearch} onChange={(e) => set({ rowSearch: e.target.value })} />
        <TextField size="small" label="Filter groups" value={query.columnSearch} onChange={(e) => set({ columnSearch: e.target.value })} />
        <TextField select size="small" label="Sort" value={query.sort} onChange={(e) => set({ sort: e.target.value as MatrixQuery['sort'] })} sx={{ minWidth: 170 }}>
          <MenuItem value="name">By name</MenuItem>
          <MenuItem value="cells">{membership ? 'Most groups first' : 'Most roles first'}</MenuItem>
        </TextField>
        <FormControlLabel control={<Checkbox checked={query.onlyWithCells} onChange={(e) => set({ onlyWithCells: e.target.checked })} />}
          label={membership ? 'Only accounts in a shown group' : 'Only users with a role in a shown group'} />
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="matrix-size">
        {plural(m.rows.length, rowNoun)} × {plural(m.columns.length, 'group')}{query !== deferred ? ' · filtering…' : ''}
      </Typography>
      <Box sx={{ display: 'flex', height: 'max(320px, 60vh)' }}>
        {/* Keyed by the view: its column width differs, and a virtualiser keeps the sizes it measured. */}
        <VirtualMatrix
          key={kind}
          label={membership ? 'Groups × accounts' : 'Users × groups'}
          idPrefix={`matrix-${kind}`}
          rowCount={m.rows.length}
          colCount={m.columns.length}
          corner={`${membership ? 'Account' : 'User'} \\ group`}
          rowHeader={(r) => rowHeader(r)}
          rowHeaderName={membership ? 'account' : 'user'}
          colHeader={(c) => groupName(m.columns[c]!)}
          colTitle={(c) => groupName(m.columns[c]!)}
          cell={cell}
          cellLabel={cellLabel}
          chosen={chosenAt && chosenAt.row >= 0 && chosenAt.col >= 0 ? chosenAt : null}
          onActivate={(r, c) => setChosen({ row: m.rows[r]!, col: m.columns[c]! })}
          colWidth={membership ? 96 : 140}
          empty={`No ${rowNoun} or group matches the filters.`}
        />
      </Box>
      {chosen && <MatrixCellDetail s={s} kind={kind} rowId={chosen.row} groupId={chosen.col} onClose={() => setChosen(null)} />}
    </Stack>
  );
};
