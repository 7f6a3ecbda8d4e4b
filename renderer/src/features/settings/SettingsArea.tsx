import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useConnection } from '../../app/connectionStore';
import { db } from '../../app/db';
import { roster } from '../../app/roster';
import { refreshNow } from '../../app/startup';
import { validateConnection, type ConnectionForm, type FieldErrors } from './form';
import { connectedResult, connectResultHolds, type ConnectResult } from './connectResult';
import { CurrentConnection } from './CurrentConnection';

/** Settings: which platform main talks to. The API token goes to main once and is never kept here. */
export const SettingsArea = () => {
  const live = useConnection();
  const info = live.info;
  const [form, setForm] = useState<ConnectionForm>({ mode: info?.mode ?? 'embedded', url: info?.mode === 'remote' ? info.url : '', user: info?.mode === 'remote' ? info.user : '', token: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<ConnectResult | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ConnectionForm>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setResult(null);
    const v = validateConnection(form);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    setBusy(true);
    try {
      const next = await roster().invoke('connection.set', v.request);
      useConnection.getState().set({ info: next, online: next.online, lastError: next.lastError ?? null });
      setForm((f) => ({ ...f, token: '' }));
      setResult(connectedResult(next));
      void refreshNow(db, roster());
    } catch (err) {
      setResult({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const remote = form.mode === 'remote';
  return (
    <Box component="section" aria-labelledby="settings-title" sx={{ p: 3, overflow: 'auto', maxWidth: 760 }}>
      <Typography id="settings-title" variant="h5" component="h2" gutterBottom>
        Settings
      </Typography>
      <CurrentConnection />
      <Box component="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="connection-form-title">
        <FormControl>
          <FormLabel id="connection-form-title">Platform</FormLabel>
          <RadioGroup aria-labelledby="connection-form-title" value={form.mode} onChange={(e) => set({ mode: e.target.value as ConnectionForm['mode'] })}>
            <FormControlLabel value="embedded" control={<Radio />} label="Embedded reference platform (default)" />
            <FormControlLabel value="remote" control={<Radio />} label="A real platform: URL, user and API token" />
          </RadioGroup>
        </FormControl>
        {remote && (
          <Stack spacing={2} sx={{ mt: 2 }}>
            <TextField label="Platform URL" value={form.url} onChange={(e) => set({ url: e.target.value })} error={!!errors.url} helperText={errors.url ?? 'e.g. https://api.boomi.com/api/rest/v1/<accountId>'} required fullWidth />
            <TextField label="User" value={form.user} onChange={(e) => set({ user: e.target.value })} error={!!errors.user} helperText={errors.user ?? 'The e-mail you sign in with; Roster adds the “BOOMI_TOKEN.” prefix the API wants.'} required fullWidth autoComplete="username" />
            <TextField
              label="API token"
              type="password"
              value={form.token}
              onChange={(e) => set({ token: e.target.value })}
              error={!!errors.token}
              helperText={errors.token ?? 'Sent to the app’s main process, which keeps it; this page forgets it once connected.'}
              required
              fullWidth
              autoComplete="off"
            />
          </Stack>
        )}
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </Button>
        </Stack>
        {result && connectResultHolds(result, live) && (
          <Alert severity={result.ok ? 'success' : 'error'} sx={{ mt: 2 }} role="alert" data-testid="connect-result">
            {result.text}
          </Alert>
        )}
      </Box>
    </Box>
  );
};
