import { useCallback, useMemo, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DensitySmallIcon from '@mui/icons-material/DensitySmall';
import DensityMediumIcon from '@mui/icons-material/DensityMedium';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { fmt, plural } from '../app/format';
import { matchPasted } from '../domain/tableSort';
import type { Selection } from '../domain/selection';
import { useDensity } from './density';

export type PasteMatch = (text: string) => { keys: string[]; unknown: string[] };

/** What a pasted list did, in one line: said after a paste into a grid, and in the dialog. */
export const pastedSummary = (m: { keys: string[]; unknown: string[] }): string =>
  `${plural(m.keys.length, 'row')} selected from the list` +
  (m.unknown.length ? `; ${fmt(m.unknown.length)} not found: ${m.unknown.slice(0, 5).join(', ')}${m.unknown.length > 5 ? '…' : ''}` : '');

/**
 * A table's selection from a pasted list, for SelectFromList (`match`, `selectKeys`) and for a
 * paste into the grid (`onPasteList`, which also says what it did in `pasted`). Rows are matched
 * by key or by name; `keyOf` should be a stable (module-level) function.
 */
export const usePasteSelection = <R extends { name: string }>(rows: readonly R[], keyOf: (row: R) => string, onSelection: (s: Selection) => void) => {
  const [pasted, setPasted] = useState<string | null>(null);
  const match = useCallback((text: string) => matchPasted(text, rows, keyOf, (r) => [r.name]), [rows, keyOf]);
  const selectKeys = (keys: string[]) => onSelection({ selected: new Set(keys), anchor: keys[0] ?? null });
  const onPasteList = (text: string) => {
    const m = match(text);
    selectKeys(m.keys);
    setPasted(pastedSummary(m));
  };
  return { pasted, match, selectKeys, onPasteList };
};

/** Comfortable (36 px) or compact (28 px) rows in every large table. */
export const DensityButton = () => {
  const { density, setDensity } = useDensity();
  const compact = density === 'compact';
  const label = compact ? 'Comfortable rows' : 'Compact rows';
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} aria-pressed={compact} onClick={() => setDensity(compact ? 'comfortable' : 'compact')}>
        {compact ? <DensityMediumIcon fontSize="small" /> : <DensitySmallIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
};

/**
 * "Select from list…": paste ids, e-mails or names (one per line, or separated by commas or
 * spaces) and select the rows they name; what matched nothing is listed before selecting.
 */
export const SelectFromList = ({ noun, match, onSelect }: { noun: string; match: PasteMatch; onSelect: (keys: string[]) => void }) => {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const found = useMemo(() => match(text), [match, text]);
  const close = () => {
    setOpen(false);
    setText('');
  };
  return (
    <>
      <Tooltip title="Select from a list…">
        <IconButton size="small" aria-label="Select from a list…" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          <PlaylistAddCheckIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {open && (
        <Dialog open onClose={close} aria-labelledby="select-list-title" fullWidth maxWidth="sm">
          <DialogTitle id="select-list-title">Select {noun}s from a list</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              multiline
              minRows={6}
              maxRows={14}
              fullWidth
              label={`Ids, e-mails or names of ${noun}s`}
              helperText="One per line, or separated by commas or spaces. You can also paste straight into the table."
              value={text}
              onChange={(e) => setText(e.target.value)}
              sx={{ mt: 1 }}
            />
            <Typography role="status" variant="body2" sx={{ mt: 1 }} data-testid="select-list-result">
              {text.trim() ? pastedSummary(found) : ''}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="contained"
              disabled={found.keys.length === 0}
              onClick={() => {
                onSelect(found.keys);
                close();
              }}
            >
              Select {plural(found.keys.length, noun)}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
