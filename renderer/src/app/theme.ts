import { createTheme, type Theme } from '@mui/material/styles';

/** One look, light and dark following the OS. System fonts: nothing is fetched. */
export const rosterTheme = (mode: 'light' | 'dark'): Theme =>
  createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#7cb4ff' : '#1456b8' },
      secondary: { main: mode === 'dark' ? '#f0a860' : '#a34d00' },
      background: mode === 'dark' ? { default: '#121417', paper: '#1a1d21' } : { default: '#f5f6f8', paper: '#ffffff' },
    },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: 14,
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
    },
  });
