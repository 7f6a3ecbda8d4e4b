import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { WhatIf, AccessChange } from '../../../../shared/access';
import type { PlanOp } from '../../../../shared/plans/types';
import { db } from '../../app/db';
import { previewAccessOffThread } from './accessClient';

const SHOWN = 20;

type Loaded = { diff: WhatIf; names: Map<string, string> } | { error: string } | null;

const useWhatIf = (ops: PlanOp[], onDiff?: (d: WhatIf) => void): Loaded => {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    (async () => {
      const diff = await previewAccessOffThread(ops);
      const ids = [...new Set([...diff.gains, ...diff.losses, ...diff.lockedOut].slice(0, SHOWN * 3).map((c) => c.accountId))];
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

const ChangeList = ({ title, items, names, testId }: { title: string; items: AccessChange[]; names: Map<string, string>; testId: string }) =>
  items.length === 0 ? null : (
    <Box sx={{ mt: 1.5 }} data-testid={testId}>
      <Typography variant="subtitle2" component="h4">
        {title} ({items.length.toLocaleString()})
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {items.slice(0, SHOWN).map((c) => (
          <li key={`${c.userId}/${c.accountId}`}>
            {c.userId} on {names.get(c.accountId) ?? c.accountId}: {c.roles.join(', ') || (c.privileges.length ? `privileges ${c.privileges.join(', ')}` : 'access')} (via {c.via})
          </li>
        ))}
        {items.length > SHOWN && <li>and {(items.length - SHOWN).toLocaleString()} more</li>}
      </Box>
    </Box>
  );

/** The access diff of a plan from the rules engine's what-if: who gains, who loses, who is locked out (R13). */
export const AccessDiff = ({ ops, onDiff }: { ops: PlanOp[]; onDiff?: (d: WhatIf) => void }) => {
  const loaded = useWhatIf(ops, onDiff);
  if (!loaded) return <Typography sx={{ mt: 1 }} role="status">Computing the access changes…</Typography>;
  if ('error' in loaded) return <Alert severity="warning" sx={{ mt: 1 }}>The access changes could not be computed: {loaded.error}</Alert>;
  const { diff, names } = loaded;
  return (
    <Box sx={{ mt: 1 }} aria-label="Access changes" role="region">
      <Typography variant="subtitle1" component="h3">
        Access changes
      </Typography>
      {diff.lockedOut.length > 0 && (
        <Alert severity="error" sx={{ my: 1 }} data-testid="lockouts">
          <AlertTitle>{diff.lockedOut.length.toLocaleString()} locked out (R13)</AlertTitle>
          {diff.lockedOut.slice(0, SHOWN).map((l) => `${l.userId} on ${names.get(l.accountId) ?? l.accountId}`).join('; ')}
        </Alert>
      )}
      {diff.refused.map((r) => (
        <Alert key={r.index} severity="error" sx={{ my: 1 }}>
          Refused: {r.reason}
        </Alert>
      ))}
      {diff.gains.length + diff.losses.length === 0 && diff.lockedOut.length === 0 && (
        <Typography color="text.secondary">No one gains or loses access.</Typography>
      )}
      <ChangeList title="Gains" items={diff.gains} names={names} testId="gains" />
      <ChangeList title="Losses" items={diff.losses} names={names} testId="losses" />
    </Box>
  );
};
