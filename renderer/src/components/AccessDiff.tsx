import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import type { FullDiff, WhatIfSummary } from '../domain/accessPreview';
import type { PlanOp } from '../../../shared/plans/types';
import { db } from '../app/db';
import { fullAccessOffThread, previewAccessOffThread } from '../domain/accessClient';
import { diffCsv, diffCsvName, headlines, pairRows, type DiffNames, type DiffSide } from '../domain/diffSummary';
import { DiffSideTable, totalOf } from './DiffTables';
import { saveFile } from './saveFile';

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

/**
 * The whole what-if, loaded when the admin opens every change or downloads the CSV. What came
 * back is kept with the ops it is for, so another plan shows none of it without a reset pass.
 */
const useFullDiff = (ops: PlanOp[]) => {
  const [got, setGot] = useState<{ ops: PlanOp[]; full: FullDiff | null; error: string | null } | null>(null);
  const asked = useRef<{ ops: PlanOp[]; full: Promise<FullDiff> } | null>(null);
  const load = useCallback((): Promise<FullDiff> => {
    if (asked.current?.ops !== ops) {
      const full = fullAccessOffThread(ops).then(
        (f) => (setGot({ ops, full: f, error: null }), f),
        (e: Error) => {
          setGot({ ops, full: null, error: e.message });
          if (asked.current?.ops === ops) asked.current = null; // asked again, it tries again
          throw e;
        },
      );
      asked.current = { ops, full };
    }
    return asked.current.full;
  }, [ops]);
  const mine = got?.ops === ops ? got : null;
  return { full: mine?.full ?? null, error: mine?.error ?? null, load };
};

const SIDES: DiffSide[] = ['gains', 'losses', 'lockedOut'];

/** The access diff of a plan from the rules engine's what-if: who gains, who loses, who is locked out (R13), by role and by user. */
export const AccessDiff = ({ ops, onDiff }: { ops: PlanOp[]; onDiff?: (d: WhatIfSummary) => void }) => {
  const loaded = useWhatIfSummary(ops, onDiff);
  const { full, error: fullError, load } = useFullDiff(ops);
  const onNeedFull = useCallback(() => void load().catch(() => undefined), [load]);
  // The drop-to-preview bench (test/bench/renderer.bench.ts) reads this mark: the first frame
  // painted with the diff, which only the page itself can see.
  useEffect(() => {
    if (!loaded || 'error' in loaded) return;
    requestAnimationFrame(() => setTimeout(() => performance.mark('roster:access-diff-painted'), 0));
  }, [loaded]);
  const names = useMemo((): DiffNames => {
    const known = loaded && !('error' in loaded) ? loaded : null;
    return {
      account: (id) => full?.accountNames[id] ?? known?.names.get(id) ?? id,
      user: (id) => full?.userNames[id] ?? known?.diff.userNames?.[id] ?? id,
    };
  }, [loaded, full]);
  if (!loaded) return <Typography sx={{ mt: 1 }} role="status">Computing the access changes…</Typography>;
  if ('error' in loaded) return <Alert severity="warning" sx={{ mt: 1 }}>The access changes could not be computed: {loaded.error}</Alert>;
  const { diff } = loaded;
  const download = async () => {
    const f = await load();
    const named: DiffNames = { account: (id) => f.accountNames[id] ?? id, user: (id) => f.userNames[id] ?? id };
    const rows = SIDES.flatMap((side) => pairRows(side, f[side], named));
    saveFile(diffCsvName(new Date()), diffCsv(rows), 'text/csv;charset=utf-8');
  };
  const lines = headlines(diff.digest);
  const total = SIDES.reduce((n, side) => n + totalOf(diff, side), 0);
  return (
    <Box sx={{ mt: 1 }} aria-label="Access changes" role="region">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ mr: 'auto' }}>
          Access changes
        </Typography>
        {total > 0 && (
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download().catch(() => undefined)}>
            Download CSV
          </Button>
        )}
      </Box>
      {diff.refused.map((r) => (
        <Alert key={r.index} severity="error" sx={{ my: 1 }}>
          Refused: {r.reason}
        </Alert>
      ))}
      {fullError && <Alert severity="warning" sx={{ my: 1 }}>Every change could not be listed: {fullError}</Alert>}
      {total === 0 ? (
        <Typography color="text.secondary">No one gains or loses access.</Typography>
      ) : (
        <Box component="ul" aria-label="Summary of access changes" data-testid="access-summary" sx={{ m: 0, pl: 3 }}>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </Box>
      )}
      {SIDES.map((side) =>
        totalOf(diff, side) === 0 ? null : (
          <DiffSideTable key={side} side={side} summary={diff} full={full} names={names} onNeedFull={onNeedFull} />
        ),
      )}
    </Box>
  );
};
