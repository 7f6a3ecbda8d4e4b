import { useMemo, useState } from 'react';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { fmt, plural } from '../app/format';
import { addToGroupRefusal, type DropMode, type GroupRef } from '../domain/groupPlans';

/** A group the selection can go to: a Groups-area row or the Resources area's drop target. */
export interface TargetGroup extends GroupRef {
  accountCount: number;
  userCount: number;
}


interface Props<T extends TargetGroup> {
  count: number;
  /** What is being added: accounts (R3 refuses All Accounts), users or resources (any group). */
  noun?: 'account' | 'user' | 'resource';
  targets: T[];
  /** The group the accounts are in: offers Move (leave it) besides Copy, the keyboard twin of Shift+drop. */
  moveFrom?: GroupRef;
  onPick: (target: T, mode: DropMode) => void;
  onClose: () => void;
}

/** The keyboard alternative to a drop: type a group's name, arrows, Enter. */
export const AddToGroupDialog = <T extends TargetGroup>({ count, noun = 'account', targets, moveFrom, onPick, onClose }: Props<T>) => {
  const [mode, setMode] = useState<DropMode>('copy');
  const canMove = moveFrom !== undefined && !moveFrom.defaultGroup;
  const refusal = (g: TargetGroup) => (noun === 'account' ? addToGroupRefusal(g) : null);
  const [value, setValue] = useState<T | null>(null);
  // 500 groups at the large tier: show the best 50 matches, typing narrows them.
  const filter = useMemo(() => createFilterOptions<T>({ limit: 50, stringify: (g) => g.name }), []);
  const title = noun === 'resource' ? `Share ${plural(count, noun)} with a group` : `Add ${plural(count, noun)} to a group`;
  return (
    <Dialog open onClose={onClose} aria-labelledby="add-to-group-title" fullWidth maxWidth="sm">
      <DialogTitle id="add-to-group-title">{title}</DialogTitle>
      <DialogContent sx={{ minHeight: 320 }}>
        <DialogContentText sx={{ mb: 2 }}>Pick the group; the change is previewed before anything is queued.</DialogContentText>
        {moveFrom && (
          <RadioGroup row aria-label="Copy or move" value={canMove ? mode : 'copy'} onChange={(e) => setMode(e.target.value as DropMode)} sx={{ mb: 1 }}>
            <FormControlLabel value="copy" control={<Radio />} label="Copy (also stay in this group)" />
            <FormControlLabel value="move" control={<Radio />} disabled={!canMove} label={`Move (leave ${moveFrom.name})`} />
          </RadioGroup>
        )}
        <Autocomplete<T>
          autoHighlight
          openOnFocus
          options={targets}
          filterOptions={filter}
          getOptionLabel={(g) => g.name}
          getOptionDisabled={(g) => refusal(g) !== null}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          value={value}
          onChange={(_e, g) => {
            setValue(g);
            if (g) onPick(g, canMove ? mode : 'copy');
          }}
          renderOption={({ key, ...props }, g) => (
            <li key={key} {...props}>
              {g.name} — {refusal(g) ?? `${fmt(g.accountCount)} accounts · ${fmt(g.userCount)} users`}
            </li>
          )}
          renderInput={(params) => <TextField {...params} autoFocus label="Group" />}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
};
