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
import type { GroupRef, MemberRoles } from '../../domain/groupPlans';
import { RuleText } from '../../components/RuleText';

type Choice = 'keep' | 'add' | 'remove';

interface Props {
  group: GroupRef;
  members: MemberRoles[];
  onPick: (add: string[], remove: string[]) => void;
  onClose: () => void;
}

/**
 * "Change roles…" for the selected users of a group: each role shows whether all, some or none of
 * them hold it (checked, mixed, unchecked); ticking gives it to all, unticking takes it from all.
 */
export const ChangeRolesDialog = ({ group, members, onPick, onClose }: Props) => {
  const roles = useLiveQuery(() => db.Role.orderBy('name').toArray(), []) ?? [];
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const holders = (roleId: string) => members.filter((m) => m.roleIds.includes(roleId)).length;
  const cycle = (roleId: string) =>
    setChoice((c) => {
      const n = holders(roleId);
      const now = c[roleId] ?? 'keep';
      // From "some hold it": add to all, then remove from all, then back as it was.
      const next: Choice = n === members.length ? (now === 'keep' ? 'remove' : 'keep') : n === 0 ? (now === 'keep' ? 'add' : 'keep') : now === 'keep' ? 'add' : now === 'add' ? 'remove' : 'keep';
      return { ...c, [roleId]: next };
    });
  const add = Object.keys(choice).filter((r) => choice[r] === 'add');
  const remove = Object.keys(choice).filter((r) => choice[r] === 'remove');
  return (
    <Dialog open onClose={onClose} aria-labelledby="change-roles-title" fullWidth maxWidth="sm">
      <DialogTitle id="change-roles-title">
        Change roles of {plural(members.length, 'user')} in {group.name}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          A mixed box means some of the selected users hold the role. Tick to give it to all of them, untick to take it from all;{' '}
          <RuleText text="a user left with no role leaves the group." rules={['R7']} /> The change is previewed before it is queued.
        </DialogContentText>
        <FormGroup aria-label="Roles">
          {roles.map((r) => {
            const n = holders(r.id);
            const c = choice[r.id] ?? 'keep';
            const checked = c === 'add' || (c === 'keep' && n === members.length && n > 0);
            const mixed = c === 'keep' && n > 0 && n < members.length;
            return (
              <FormControlLabel
                key={r.key}
                control={<Checkbox checked={checked} indeterminate={mixed} onChange={() => cycle(r.id)} />}
                label={`${r.name}${c !== 'keep' ? (c === 'add' ? ' — add' : ' — remove') : n > 0 && n < members.length ? ` — ${n} of ${members.length}` : ''}`}
              />
            );
          })}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={add.length + remove.length === 0} onClick={() => onPick(add, remove)}>
          Preview
        </Button>
      </DialogActions>
    </Dialog>
  );
};
