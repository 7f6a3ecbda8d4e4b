import { useEffect, useMemo } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import { rosterTheme } from './theme';
import { ConnectionBadge } from './ConnectionBadge';
import { Navigation } from './Navigation';
import { AreaView } from './AreaView';
import { db } from './db';
import { roster } from './roster';
import { refreshNow, startApp } from './startup';
import { useConnection } from './connectionStore';
import { ResultSnackbar } from './ResultSnackbar';
import { GlobalSearch } from '../components/GlobalSearch';

export const App = () => {
  const dark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => rosterTheme(dark ? 'dark' : 'light'), [dark]);
  const refreshing = useConnection((s) => s.refreshing);
  useEffect(() => startApp(db, roster()), []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
        {/* In dark mode the bar takes the paper colour (MUI's default), not a light-blue band across the top. */}
        <AppBar position="fixed" color="primary" sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}>
          <Toolbar variant="dense" sx={{ gap: 2 }}>
            <Typography variant="h6" component="h1" sx={{ fontWeight: 700, mr: 1, flexShrink: 0 }}>
              Roster
            </Typography>
            <ConnectionBadge />
            <Tooltip title="Refresh from the platform">
              <span>
                <IconButton color="inherit" aria-label="Refresh from the platform" disabled={refreshing} onClick={() => void refreshNow(db, roster())}>
                  <RefreshIcon />
                </IconButton>
              </span>
            </Tooltip>
          </Toolbar>
        </AppBar>
        <Navigation />
        <Box component="main" sx={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          <Toolbar variant="dense" />
          <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            <AreaView />
          </Box>
        </Box>
      </Box>
      <ResultSnackbar />
      <GlobalSearch />
    </ThemeProvider>
  );
};
