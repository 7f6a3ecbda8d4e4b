import Typography from '@mui/material/Typography';
import type { PlanOp } from '../../../../shared/plans/types';

/**
 * The access diff of a plan (who gains, who loses, who is locked out, R13) comes from the rules
 * engine's what-if in shared/access. Until that exists this says so instead of guessing.
 */
export const AccessDiff = ({ ops }: { ops: PlanOp[] }) => (
  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-ops={ops.length}>
    Access changes (who gains, loses or is locked out) are not computed in this build yet.
  </Typography>
);
