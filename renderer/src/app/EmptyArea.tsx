import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** An area not built yet says what will be there; it never shows made-up data. */
export const EmptyArea = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box sx={{ p: 4, maxWidth: 720 }}>
    <Typography variant="h5" component="h2" gutterBottom>
      {title}
    </Typography>
    <Typography color="text.secondary" component="div">
      {children}
    </Typography>
  </Box>
);
