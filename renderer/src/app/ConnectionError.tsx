import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { db } from './db';
import { roster } from './roster';
import { refreshNow } from './startup';
import { useConnection } from './connectionStore';

/** Seconds until the next automatic try, ticking once a second while shown. */
const useCountdown = (at: number | null): number | null => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1_000));
};

/**
 * What went wrong talking to the platform, in the app bar: the message (cut to fit, whole on hover
 * and on click), when the app tries again by itself, and a Retry that tries now.
 */
/**
 * The app's retry, wherever a connection problem is shown (app bar, Settings): seconds until the
 * next automatic try (offline only), whether a try is running, and a try now.
 */
export const useRetry = (offline: boolean) => {
  const nextRetryAt = useConnection((s) => s.nextRetryAt);
  const refreshing = useConnection((s) => s.refreshing);
  const seconds = useCountdown(offline ? nextRetryAt : null);
  return { seconds, refreshing, retry: () => void refreshNow(db, roster()) };
};

export const ConnectionError = ({ error, offline }: { error: string; offline: boolean }) => {
  const { seconds, refreshing, retry } = useRetry(offline);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0, flexShrink: 1 }}>
      <ButtonBase
        data-testid="connection-error"
        aria-label={`Platform error: ${error}. Show the whole message`}
        title={error}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ minWidth: 0, maxWidth: 280, borderRadius: 1, px: 0.5, justifyContent: 'flex-start', '&:focus-visible': { outline: '2px solid currentColor' } }}
      >
        <Typography variant="body2" noWrap sx={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}>
          {error}
        </Typography>
      </ButtonBase>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Typography data-testid="connection-error-full" sx={{ p: 2, maxWidth: 480, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {error}
        </Typography>
      </Popover>
      {offline && seconds !== null && !refreshing && (
        <Typography variant="body2" noWrap data-testid="retry-countdown" sx={{ opacity: 0.9, flexShrink: 0 }}>
          retrying in {seconds} s
        </Typography>
      )}
      <Button size="small" color="inherit" variant="outlined" disabled={refreshing} onClick={retry} sx={{ flexShrink: 0 }}>
        Retry
      </Button>
    </Stack>
  );
};
