import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import { db } from '../../app/db';
import { plural } from '../../app/format';
import type { GroupRef } from '../../domain/groupPlans';
import { RuleText } from '../../components/RuleText';

interface Props {
  target: GroupRef;
  userIds: string[];
  onPick: (roleIds: string[]) => void;
  onClose: () => void;
}

/** After users are dropped on a group: the role(s) they will hold there (R7). */
export const RolePickDialog = ({ target, userIds, onPick, onClose }: Props) => {
  const roles = useLiveQuery(() => db.Role.orderBy('name').toArray(), []) ?? [];
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Dialog open onClose={onClose} aria-labelledby="role-pick-title" fullWidth maxWidth="sm">
      <DialogTitle id="role-pick-title">
        Roles for {plural(userIds.length, 'user')} in {target.name}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          <RuleText text="Each user gets every picked role on every account of the group." rules={['R7']} /> The change is previewed before it is queued.
        </DialogContentText>
        <FormGroup aria-label="Roles">
          {roles.map((r) => (
            <FormControlLabel key={r.key} control={<Checkbox checked={picked.has(r.id)} onChange={() => toggle(r.id)} />} label={r.name} />
          ))}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={picked.size === 0} onClick={() => onPick([...picked])}>
          Preview
        </Button>
      </DialogActions>
    </Dialog>
  );
};
