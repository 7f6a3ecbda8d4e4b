import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccessState } from '../../../../shared/access';
import { db } from '../../app/db';
import { baselineFile, importBaseline, listBaselines, saveBaseline } from './store';
import { compare, warmCompare } from './compareClient';
import type { CompareResult } from './compare';
import { CompareResultView } from './CompareResultView';
import { download } from './exports';
import { dayTime } from './LastChanged';

/** Baselines: save the cache under a name, export/import snapshot files, compare a baseline with now. */
export const BaselinesView = ({ s }: { s: AccessState | null }) => {
  const baselines = useLiveQuery(() => listBaselines(db), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<(CompareResult & { title: string }) | null>(null);
  const file = useRef<HTMLInputElement>(null);
  // The newest baseline is the one most often compared: its indexes are built while the admin reads.
  const newest = baselines?.[0]?.id;
  useEffect(() => {
    if (newest) warmCompare({ kind: 'baseline', id: newest });
  }, [newest]);
  const run = async (label: string, f: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField size="small" label="Baseline name" value={name} onChange={(e) => setName(e.target.value)} />
        <Button variant="contained" disabled={!name.trim() || !!busy} onClick={() => void run('Saving', async () => { await saveBaseline(db, name); setName(''); })}>
          Save baseline
        </Button>
        <Button variant="outlined" disabled={!!busy} onClick={() => file.current?.click()}>Import snapshot file</Button>
        <input
          ref={file}
          hidden
          type="file"
          accept=".json,application/json"
          aria-label="Snapshot file to import"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void run('Importing', async () => void (await importBaseline(db, f.name, await f.text())));
          }}
        />
      </Stack>
      {busy && <LinearProgress aria-label={busy} />}
      {error && <Alert severity="error" sx={{ whiteSpace: 'pre-wrap' }}>{error}</Alert>}
      <List dense aria-label="Baselines">
        {(baselines ?? []).map((b) => (
          <ListItem key={b.id} secondaryAction={
            <Stack direction="row" spacing={1}>
              <Button size="small" variant="contained" aria-label={`Compare ${b.name} with now`} disabled={!!busy}
                onClick={() => void run('Comparing', async () => setResult({ ...(await compare({ kind: 'baseline', id: b.id }, { kind: 'now' })), title: `${b.name} → now` }))}>
                Compare
              </Button>
              <Button size="small" aria-label={`Export ${b.name}`} onClick={() => void run('Exporting', async () => { const f = await baselineFile(db, b.id); download(f.name, f.text, 'application/json'); })}>
                Export
              </Button>
            </Stack>
          }>
            <ListItemText primary={b.name} secondary={`saved ${dayTime(b.savedAt)} · ${b.snapshotAt ? `cache as of ${dayTime(b.snapshotAt)}` : 'imported: its time is unknown, so it dates no change'}`} />
          </ListItem>
        ))}
        {baselines?.length === 0 && <Typography color="text.secondary">No baseline yet: save one to compare the layout with it later.</Typography>}
      </List>
      {result && <CompareResultView title={result.title} result={result} s={s} />}
    </Stack>
  );
};
