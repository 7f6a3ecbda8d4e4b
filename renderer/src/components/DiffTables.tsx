import { useEffect, useMemo, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { RoleGroup, UserGroup } from '../../../shared/plans';
import { fmt } from '../app/format';
import type { FullDiff, WhatIfSummary } from '../domain/accessPreview';
import { pairRows, pairWords, roleWords, searchRows, sideTitle, userWords, type DiffNames, type DiffSide, type DiffView, type PairRow } from '../domain/diffSummary';
import { Person, personText } from './Person';
import { SortedTable, type Column } from './VirtualTable';

/** The row height of every table in a preview (its diff tables and the lock-out list). */
export const PREVIEW_ROW = 28;
const NO_ROLES: RoleGroup[] = [];
const ROWS_SHOWN = 8;

const ROLE_COLUMNS: Column<RoleGroup>[] = [
  { id: 'role', header: 'Role', width: 'minmax(160px, 2fr)', render: (g) => g.role, sortKey: (g) => g.role },
  { id: 'users', header: 'Users', width: '90px', render: (g) => fmt(g.users), sortKey: (g) => g.users },
  { id: 'accounts', header: 'Accounts', width: '90px', render: (g) => fmt(g.accounts), sortKey: (g) => g.accounts },
];
/** A user column: the person by name and e-mail (Person), sorted by name then e-mail like every user list. */
export const personColumn = <R,>(header: string, width: string, name: (r: R) => string, userId: (r: R) => string): Column<R> => ({
  id: 'user',
  header,
  width,
  render: (r) => <Person name={name(r)} userId={userId(r)} />,
  sortKey: (r) => `${name(r)}\n${userId(r)}`,
});
const userColumns = (name: (userId: string) => string): Column<UserGroup>[] => [
  personColumn('User', 'minmax(240px, 2fr)', (u) => name(u.userId), (u) => u.userId),
  { id: 'accounts', header: 'Accounts', width: '90px', render: (u) => fmt(u.accounts), sortKey: (u) => u.accounts },
  { id: 'roles', header: 'Roles', width: 'minmax(160px, 2fr)', render: (u) => u.roles.join(', '), sortKey: (u) => u.roles.join(', ') },
];
const PAIR_COLUMNS: Column<PairRow>[] = [
  personColumn('User', 'minmax(240px, 2fr)', (p) => p.user, (p) => p.userId),
  { id: 'account', header: 'Account', width: 'minmax(140px, 1.5fr)', render: (p) => p.account, sortKey: (p) => p.account },
  { id: 'what', header: 'Roles', width: 'minmax(140px, 1.5fr)', render: (p) => p.what, sortKey: (p) => p.what },
  { id: 'via', header: 'Via', width: '80px', render: (p) => p.via, sortKey: (p) => p.via },
];

/** A preview's table takes the room its rows need (a header and up to `max` rows); the grid scrolls beyond that. */
export const Sized = ({ rows, max = ROWS_SHOWN, sx, testId, children }: { rows: number; max?: number; sx?: SxProps<Theme>; testId?: string; children: ReactNode }) => (
  <Box
    sx={[{ display: 'flex', flexDirection: 'column', height: (Math.min(Math.max(rows, 1), max) + 1) * PREVIEW_ROW + 2, border: 1, borderColor: 'divider', borderRadius: 1 }, ...(Array.isArray(sx) ? sx : [sx])]}
    data-testid={testId}
  >
    {children}
  </Box>
);

export interface SideProps {
  side: DiffSide;
  summary: WhatIfSummary;
  /** Every entry, once loaded; until then the summary's first entries. */
  full: FullDiff | null;
  names: DiffNames;
  /** The admin asked for every change: the dialog loads them. */
  onNeedFull: () => void;
}

/** How many entries one side of the diff has in all. */
export const totalOf = (s: WhatIfSummary, side: DiffSide): number => (side === 'gains' ? s.gains : side === 'losses' ? s.losses : s.lockedOut);
const shownOf = (s: WhatIfSummary, side: DiffSide) => (side === 'gains' ? s.gainsShown : side === 'losses' ? s.lossesShown : s.lockedOutShown);

/** The summary's entries are every entry when the list is short: the table needs no second what-if. */
const completeInSummary = (s: WhatIfSummary, side: DiffSide): boolean => shownOf(s, side).length >= totalOf(s, side);

/**
 * One side of the access diff (gains, losses, lock-outs): by role, by user or every change, with
 * a search. Short lists open on every change; long ones on the grouped view.
 */
export const DiffSideTable = ({ side, summary, full, names, onNeedFull }: SideProps) => {
  const total = totalOf(summary, side);
  const complete = completeInSummary(summary, side);
  const [view, setView] = useState<DiffView>(complete ? 'pairs' : side === 'lockedOut' ? 'user' : 'role');
  const [query, setQuery] = useState('');
  const needsFull = view === 'pairs' && !complete && !full;
  useEffect(() => {
    if (needsFull) onNeedFull();
  }, [needsFull, onNeedFull]);
  const digest = summary.digest;
  const byUser = side === 'lockedOut' ? digest.lockedOut : digest[side].byUser;
  const byRole = side === 'lockedOut' ? NO_ROLES : digest[side].byRole;
  const pairs = useMemo(() => (view !== 'pairs' ? [] : pairRows(side, full ? full[side] : shownOf(summary, side), names)), [view, side, full, summary, names]);
  const title = sideTitle(side, total);
  const label = title.replace(/ \(.*/, '');
  // Searched once per query, not per render: the every-change list can hold 100,000 rows.
  const roles = useMemo(() => (view === 'role' ? searchRows(byRole, query, roleWords) : []), [view, byRole, query]);
  const users = useMemo(() => (view === 'user' ? searchRows(byUser, query, userWords(names.user)) : []), [view, byUser, query, names]);
  const found = useMemo(() => searchRows(pairs, query, pairWords), [pairs, query]);
  // Made once per set of names: a sorted column re-sorts when its columns change.
  const byUserColumns = useMemo(() => userColumns(names.user), [names]);
  const byKey = useMemo(() => new Map(found.map((r) => [r.key, r])), [found]);
  let table: React.ReactNode;
  if (view === 'role') {
    table = <Sized rows={roles.length}><SortedTable label={`${label} by role`} idPrefix={`${side}-role`} rows={roles} rowKey={(g) => g.role} columns={ROLE_COLUMNS} rowHeight={PREVIEW_ROW} empty="Nothing matches the search." /></Sized>;
  } else if (view === 'user') {
    const columns = side === 'lockedOut' ? byUserColumns.filter((c) => c.id !== 'roles') : byUserColumns;
    table = <Sized rows={users.length}><SortedTable label={`${label} by user`} idPrefix={`${side}-user`} rows={users} rowKey={(u) => u.userId} columns={columns} rowHeight={PREVIEW_ROW} empty="Nothing matches the search." /></Sized>;
  } else if (needsFull) {
    table = <Typography role="status" sx={{ py: 1 }}>Loading every change…</Typography>;
  } else {
    const columns = side === 'lockedOut' ? PAIR_COLUMNS.filter((c) => c.id === 'user' || c.id === 'account') : PAIR_COLUMNS;
    table = (
      <Sized rows={found.length}>
        <SortedTable
          label={`${label}: every change`}
          idPrefix={`${side}-pairs`}
          rows={found}
          rowKey={(p) => p.key}
          columns={columns}
          rowHeight={PREVIEW_ROW}
          empty="Nothing matches the search."
          // A row reads as one sentence: "Ann Lee (a@x) on Doc ABC Company: Standard User".
          renderRow={(key, props, cells) => {
            const p = byKey.get(key);
            return <div key={key} {...props} aria-label={p ? `${personText(p.user, p.userId)} on ${p.account}${side === 'lockedOut' ? ': locked out' : `: ${p.what}`}` : undefined}>{cells}</div>;
          }}
        />
      </Sized>
    );
  }
  return (
    <Box component="section" aria-label={label} data-testid={side === 'lockedOut' ? 'lockedout' : side} sx={{ mt: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5, '& .MuiToggleButton-root': { px: 1, py: 0.25 } }}>
        <Typography variant="subtitle2" component="h4" sx={{ mr: 'auto' }}>
          {title}
        </Typography>
        <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, v: DiffView | null) => v && setView(v)} aria-label={`${label}: show`}>
          {side !== 'lockedOut' && <ToggleButton value="role">By role</ToggleButton>}
          <ToggleButton value="user">By user</ToggleButton>
          <ToggleButton value="pairs">Every change</ToggleButton>
        </ToggleButtonGroup>
        <TextField size="small" label={`Search ${label.toLowerCase()}`} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ width: 180 }} />
      </Box>
      {table}
    </Box>
  );
};
