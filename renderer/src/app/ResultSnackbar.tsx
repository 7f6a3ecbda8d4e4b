import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useResultNotice } from '../history/notice';
import { useRoute } from './routeStore';

/**
 * Tells the admin when queued changes land on the platform or fail there, wherever they are in
 * the app; "Show" opens the plan in History, with each op's result and the platform's message.
 */
export const ResultSnackbar = () => {
  const notice = useResultNotice((s) => s.notice);
  const dismiss = useResultNotice((s) => s.dismiss);
  const go = useRoute((s) => s.go);
  return (
    <Snackbar
      open={notice !== null}
      autoHideDuration={notice?.severity === 'error' ? null : 8000}
      onClose={(_e, reason) => reason !== 'clickaway' && dismiss()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      // Under an open dialog, not over it: at 1280 px a preview's Apply sits where the notice
      // shows, and a notice covering Apply hides the one control the admin is deciding on.
      sx={{ zIndex: (t) => t.zIndex.modal - 1 }}
    >
      {notice ? (
        <Alert
          severity={notice.severity}
          variant="filled"
          onClose={dismiss}
          data-testid="result-notice"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                go({ area: 'history', item: notice.planId });
                dismiss();
              }}
            >
              {notice.severity === 'error' ? 'Show the failure' : 'Show'}
            </Button>
          }
        >
          {notice.message}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
};
