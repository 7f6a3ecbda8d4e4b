import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';

const MAX_LINES = 8;

/** The one confirmation before a whole plan's pending changes leave the outbox: it names how many. */
export const WithdrawPlanDialog = ({ lines, onCancel, onConfirm }: { lines: readonly string[]; onCancel: () => void; onConfirm: () => void }) => {
  const n = lines.length;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="withdraw-plan-title" aria-describedby="withdraw-plan-text">
      <DialogTitle id="withdraw-plan-title">Withdraw this plan’s {n} pending changes?</DialogTitle>
      <DialogContent>
        <Typography id="withdraw-plan-text" variant="body2" gutterBottom>
          None of them has been sent; withdrawn, they are never sent, and every screen drops them at once.
        </Typography>
        <ul data-testid="withdraw-plan-lines">
          {lines.slice(0, MAX_LINES).map((l, i) => (
            <li key={i}>
              <Typography variant="body2">{l}</Typography>
            </li>
          ))}
          {n > MAX_LINES && (
            <li>
              <Typography variant="body2">and {n - MAX_LINES} more</Typography>
            </li>
          )}
        </ul>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" color="error" onClick={onConfirm}>
          Withdraw {n} changes
        </Button>
      </DialogActions>
    </Dialog>
  );
};
