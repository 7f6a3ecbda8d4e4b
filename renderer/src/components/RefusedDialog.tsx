import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';

/** A change the rules refuse is said in words, citing the rule; nothing is queued. */
export const RefusedDialog = ({ title, reason, onClose }: { title: string; reason: string; onClose: () => void }) => (
  <Dialog open onClose={onClose} aria-labelledby="refused-title" fullWidth maxWidth="sm">
    <DialogTitle id="refused-title">{title}</DialogTitle>
    <DialogContent dividers>
      <Alert severity="error" data-testid="refusal">
        Refused: {reason}
      </Alert>
    </DialogContent>
    <DialogActions>
      <Button onClick={onClose} variant="contained">
        Close
      </Button>
    </DialogActions>
  </Dialog>
);
