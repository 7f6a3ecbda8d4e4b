import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { fmt } from '../app/format';

interface Props {
  /** Rows the list shows now (after its search). */
  shown: number;
  /** Selected rows among those shown: what the status line reads and what an action acts on. */
  selectedShown: number;
  /** Whether anything is selected at all, shown or not, so "Clear" can drop hidden selections too. */
  anySelected: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  /** The status line's test id; each list keeps its own. */
  countTestId: string;
  /** A narrow toolbar: "Select all" (its name still says how many) and no count, which the caller shows elsewhere. */
  compact?: boolean;
  /** What the last paste of a list selected (usePasteSelection), said after the count. */
  pasted?: string | null;
}

/** A multi-select list's toolbar controls: "Select all N shown", "Clear", the live count and what a paste selected. */
export const SelectionControls = ({ shown, selectedShown, anySelected, onSelectAll, onClear, countTestId, compact, pasted }: Props) => (
  <>
    <Button size="small" onClick={onSelectAll} disabled={shown === 0} aria-label={compact ? `Select all ${fmt(shown)} shown` : undefined} sx={{ whiteSpace: 'nowrap' }}>
      {compact ? 'Select all' : `Select all ${fmt(shown)} shown`}
    </Button>
    <Button size="small" onClick={onClear} disabled={!anySelected}>
      Clear
    </Button>
    {!compact && <SelectionCount selectedShown={selectedShown} countTestId={countTestId} />}
    {pasted && (
      <Typography variant="body2" color="text.secondary" role="status">
        · {pasted}
      </Typography>
    )}
  </>
);

/** "3 selected", read out as it changes. */
export const SelectionCount = ({ selectedShown, countTestId }: { selectedShown: number; countTestId: string }) => (
  <Typography variant="body2" component="span" role="status" aria-live="polite" data-testid={countTestId}>
    {fmt(selectedShown)} selected
  </Typography>
);
