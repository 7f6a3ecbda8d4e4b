import { useEffect, useMemo, useState } from 'react';
import { useRoute } from '../../app/routeStore';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useAccessState } from '../../domain/accessState';
import { accountOptions, userOptions } from './model';
import { EntityPicker } from '../../components/EntityPicker';
import { ExplanationPanel } from './ExplanationPanel';
import { RedundantReport, ReachTable, WhoTable } from './AccessTables';
import { SupportAccessPanel } from '../../components/SupportAccessPanel';
import { useExplorerPlace, type ExplorerView } from './store';


/** Access explorer: user → accounts, account → users, both → the full explanation. */
export const AccessExplorerArea = () => {
  const live = useAccessState();
  const { view, setView, userId, setUserId, accountId, setAccountId } = useExplorerPlace();
  const [banner, setBanner] = useState<string | null>(null);
  // Opened on an account or a user from elsewhere (global search): `account:<id>` / `user:<id>`.
  const item = useRoute((s) => (s.route.area === 'access-explorer' ? s.route.item : undefined));
  const opened = item?.startsWith('account:') ? { account: item.slice('account:'.length) } : item?.startsWith('user:') ? { user: item.slice('user:'.length) } : null;
  useEffect(() => {
    if (!opened) return;
    setView('explore');
    setAccountId(opened.account ?? null);
    setUserId(opened.user ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new route item reopens
  }, [item]);
  const users = useMemo(() => (live ? userOptions(live.state) : []), [live]);
  const accounts = useMemo(() => (live ? accountOptions(live.state) : []), [live]);
  if (!live) return <Typography sx={{ p: 3 }}>Loading the cache…</Typography>;
  const { state } = live;
  return (
    <Box component="section" aria-labelledby="explorer-title" sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ px: 2, pt: 2 }}>
        {/* An account opened on its own (from search) is the page: its name is the heading. */}
        {accountId && !userId && accountId === opened?.account ? (
          <>
            <Typography id="explorer-title" variant="h5" component="h2">
              {state.accounts.get(accountId)?.name ?? accountId}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Account {accountId} · Access explorer
            </Typography>
          </>
        ) : (
          <Typography id="explorer-title" variant="h5" component="h2">
            Access explorer
          </Typography>
        )}
      </Box>
      <Tabs value={view} onChange={(_e, v: ExplorerView) => setView(v)} aria-label="Explorer views" sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="explore" label="Who reaches what" id="explorer-tab-explore" aria-controls="explorer-panel" />
        <Tab value="redundant" label="Redundant direct access" id="explorer-tab-redundant" aria-controls="explorer-panel" />
      </Tabs>
      {banner && (
        <Alert severity="success" onClose={() => setBanner(null)} sx={{ mx: 2, mt: 1 }} role="status">
          {banner}
        </Alert>
      )}
      <Box role="tabpanel" id="explorer-panel" aria-labelledby={`explorer-tab-${view}`} sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        {view === 'redundant' ? (
          <RedundantReport
            state={state}
            onQueued={setBanner}
            onPick={(u, a) => {
              setUserId(u);
              setAccountId(a);
              setView('explore');
            }}
          />
        ) : (
          <>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <EntityPicker id="explorer-user" label="User" options={users} value={userId} onChange={setUserId} grow={1.4} maxWidth={580} />
              <EntityPicker id="explorer-account" label="Account" options={accounts} value={accountId} onChange={setAccountId} />
              {(userId || accountId) && (
                <Button
                  onClick={() => {
                    setUserId(null);
                    setAccountId(null);
                  }}
                >
                  Clear
                </Button>
              )}
            </Stack>
            {!userId && !accountId && (
              <Typography color="text.secondary">
                Pick a user to see every account they reach, an account to see everyone who reaches it, or both for the full explanation.
              </Typography>
            )}
            {userId && accountId && <ExplanationPanel state={state} userId={userId} accountId={accountId} onQueued={setBanner} />}
            {userId && !accountId && <ReachTable state={state} userId={userId} onPick={setAccountId} />}
            {accountId && !userId && <WhoTable state={state} accountId={accountId} onPick={setUserId} />}
            {accountId && <SupportAccessPanel key={accountId} state={state} accountId={accountId} onQueued={setBanner} />}
          </>
        )}
      </Box>
    </Box>
  );
};
