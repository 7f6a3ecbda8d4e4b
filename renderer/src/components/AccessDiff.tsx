import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AccessChange } from '../../../shared/plans';
import { SUMMARY_SHOWN, type WhatIfSummary } from '../domain/accessPreview';
import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { previewAccessOffThread } from '../domain/accessClient';
import { fmt } from '../app/format';

type Loaded = { diff: WhatIfSummary; names: Map<string, string> } | { error: string } | null;

const useWhatIfSummary = (ops: PlanOp[], onDiff?: (d: WhatIfSummary) => void): Loaded => {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    (async () => {
      const diff = await previewAccessOffThread(ops);
      // The worker names the accounts from its indexes; the cache is read only when it did not.
      if (diff.accountNames) return { diff, names: new Map(Object.entries(diff.accountNames)) };
      const ids = [...new Set([...diff.gainsShown, ...diff.lossesShown, ...diff.lockedOutShown].map((c) => c.accountId))];
      const rows = await db.Account.bulkGet(ids);
      return { diff, names: new Map(ids.map((id, i) => [id, rows[i]?.name ?? id])) };
    })().then(
      (r) => {
        if (!live) return;
        setLoaded(r);
        onDiff?.(r.diff);
      },
      (err: Error) => live && setLoaded({ error: err.message }),
    );
    return () => {
      live = false;
    };
    // onDiff is a callback of the dialog; the what-if depends on the ops alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ops]);
  return loaded;
};

interface ChangeListProps {
  title: string;
  total: number;
  items: AccessChange[];
  names: Map<string, string>;
  testId: string;
}

const ChangeList = ({ title, total, items, names, testId }: ChangeListProps) =>
  total === 0 ? null : (
    <Box sx={{ mt: 1.5 }} data-testid={testId}>
      <Typography variant="subtitle2" component="h4">
        {title} ({fmt(total)})
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {items.slice(0, SUMMARY_SHOWN).map((c) => (
          <li key={`${c.userId}/${c.accountId}`}>
            {c.userId} on {names.get(c.accountId) ?? c.accountId}: {c.roles.join(', ') || (c.privileges.length ? `privileges ${c.privileges.join(', ')}` : 'access')} (via {c.via})
          </li>
        ))}
        {total > items.length && <li>and {fmt(total - items.length)} more</li>}
      </Box>
    </Box>
  );

/** The access diff of a plan from the rules engine's what-if: who gains, who loses, who is locked out (R13). */
export const AccessDiff = ({ ops, onDiff }: { ops: PlanOp[]; onDiff?: (d: WhatIfSummary) => void }) => {
  const loaded = useWhatIfSummary(ops, onDiff);
  // Marks for the drop-to-preview bench: committed, then the first frame painted with it.
  useEffect(() => {
    if (!loaded || 'error' in loaded) return;
    performance.mark('roster:access-diff-shown');
    requestAnimationFrame(() => setTimeout(() => performance.mark('roster:access-diff-painted'), 0));
  }, [loaded]);
  if (!loaded) return <Typography sx={{ mt: 1 }} role="status">Computing the access changes…</Typography>;
  if ('error' in loaded) return <Alert severity="warning" sx={{ mt: 1 }}>The access changes could not be computed: {loaded.error}</Alert>;
  const { diff, names } = loaded;
  return (
    <Box sx={{ mt: 1 }} aria-label="Access changes" role="region">
      <Typography variant="subtitle1" component="h3">
        Access changes
      </Typography>
      {diff.lockedOut > 0 && (
        <Alert severity="error" sx={{ my: 1 }} data-testid="lockouts">
          <AlertTitle>{fmt(diff.lockedOut)} locked out (R13)</AlertTitle>
          {diff.lockedOutShown.map((l) => `${l.userId} on ${names.get(l.accountId) ?? l.accountId}`).join('; ')}
          {diff.lockedOut > diff.lockedOutShown.length && ` and ${fmt(diff.lockedOut - diff.lockedOutShown.length)} more`}
        </Alert>
      )}
      {diff.refused.map((r) => (
        <Alert key={r.index} severity="error" sx={{ my: 1 }}>
          Refused: {r.reason}
        </Alert>
      ))}
      {diff.gains + diff.losses + diff.lockedOut === 0 && (
        <Typography color="text.secondary">No one gains or loses access.</Typography>
      )}
      <ChangeList title="Gains" total={diff.gains} items={diff.gainsShown} names={names} testId="gains" />
      <ChangeList title="Losses" total={diff.losses} items={diff.lossesShown} names={names} testId="losses" />
    </Box>
  );
};
