import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../app/db';
import { useRoute } from '../../app/routeStore';
import { useAccessState } from '../../domain/accessState';
import { AccountView } from './AccountView';
import { BaselinesView } from './BaselinesView';
import { DecisionsView } from './DecisionsView';
import { LastChangeProvider } from './LastChanged';
import { MatrixView } from './MatrixView';
import { SideBySideView } from './SideBySideView';
import type { MatrixKind } from '../../../../shared/review';
import { download, layoutCsv, layoutPdf } from './exports';
import { useStamp } from './useReview';

type View = 'account' | 'matrix' | 'side' | 'baselines' | 'decisions';

/**
 * Route items: `account:<accountId>` (the Account view), `matrix` (groups × accounts),
 * `matrix:roles` (users × groups), `side` (compare two side by side), `baselines`, `decisions`.
 */
const parseItem = (item: string | undefined): { view: View; accountId: string | null; matrix: MatrixKind } => {
  const none = { accountId: null, matrix: 'membership' as const };
  if (item?.startsWith('account:')) return { ...none, view: 'account', accountId: item.slice('account:'.length) };
  if (item === 'matrix:roles') return { ...none, view: 'matrix', matrix: 'roles' };
  if (item === 'matrix' || item === 'side' || item === 'baselines' || item === 'decisions') return { ...none, view: item };
  return { ...none, view: 'account' };
};

/**
 * Review (offline review of account group layouts): every view works from the cache and carries
 * its age. Export → CSV gives DESIGN.md's layout table of the whole cache; Export → PDF the layout
 * report (the same layout as `roster report`), with the open review's decisions.
 */
export const ReviewArea = () => {
  const { route, go } = useRoute();
  const { view, accountId, matrix } = parseItem(route.item);
  const live = useAccessState();
  const stamp = useStamp();
  const review = useLiveQuery(async () => (await db.reviews.orderBy('createdAt').reverse().toArray())[0] ?? null, []);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportPdf = async () => {
    if (!live) return;
    setProgress(0);
    setError(null);
    try {
      const accounts = accountId && view === 'account' ? [accountId] : undefined;
      const blob = await layoutPdf(live.state, { snapshotAt: stamp.asOf, review: review ?? null, accounts }, (d, t) => setProgress((d / t) * 100));
      download('roster-layout.pdf', blob, 'application/pdf');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0, flex: 1, overflow: 'auto' }} className="review-report">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2">Review</Typography>
        <Typography variant="body2" color="text.secondary" data-testid="review-stamp">{stamp.text}</Typography>
        <Box sx={{ flex: 1 }} />
        <Stack direction="row" spacing={1} className="no-print">
          <Button size="small" variant="outlined" disabled={!live} onClick={() => live && download('roster-layout.csv', layoutCsv(live.state), 'text/csv;charset=utf-8')}>Export CSV</Button>
          <Button size="small" variant="outlined" disabled={!live || progress !== null} onClick={() => void exportPdf()}>Export PDF</Button>
          <Button size="small" onClick={() => window.print()}>Print</Button>
        </Stack>
      </Stack>
      {progress !== null && <LinearProgress variant="determinate" value={progress} aria-label="Making the PDF" />}
      {error && <Alert severity="error">{error}</Alert>}
      <Tabs value={view} onChange={(_e, v: View) => go(v === 'account' && !accountId ? { area: 'review' } : { area: 'review', item: v === 'account' ? `account:${accountId}` : v })} className="no-print">
        <Tab value="account" label="Account" />
        <Tab value="matrix" label="Matrix" />
        <Tab value="side" label="Side by side" />
        <Tab value="baselines" label="Baselines" />
        <Tab value="decisions" label="Decisions" />
      </Tabs>
      {!live && <LinearProgress aria-label="Reading the cache" />}
      <LastChangeProvider>
      {live && view === 'account' && <AccountView s={live.state} accountId={accountId} />}
      {live && view === 'matrix' && <MatrixView s={live.state} kind={matrix} />}
      {live && view === 'side' && <SideBySideView s={live.state} />}
      {view === 'baselines' && <BaselinesView s={live?.state ?? null} />}
      {live && view === 'decisions' && <DecisionsView s={live.state} />}
      </LastChangeProvider>
      <style>{'@media print{.no-print,nav,header{display:none!important}.review-report{overflow:visible!important}}'}</style>
    </Box>
  );
};
