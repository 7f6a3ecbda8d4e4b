import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { AccessState } from '../../../../shared/access';
import { EntityPicker } from '../../components/EntityPicker';
import { groupMembersWithoutAus, planDeleteRole, planShare, planUnshare, roleHolders, sharedName, type Planned, type ResourceRow } from './model';
import { fmt, plural } from '../../app/format';
import { RuleText } from '../../components/RuleText';
import { Person } from '../../components/Person';

export type Proposal = { title: string; planned: Planned; warning?: string };

interface Props {
  state: AccessState;
  row: ResourceRow;
  eligibility: string;
  onPropose: (p: Proposal) => void;
}

const HOLDERS_SHOWN = 50;

/** One resource: eligibility in words, the groups sharing it, share / unshare / delete (R15–R24). */
export const ResourceDetail = ({ state, row, eligibility, onPropose }: Props) => {
  const [groupId, setGroupId] = useState<string | null>(null);
  const holders = useMemo(() => (row.objectType === 'Role' ? roleHolders(state, row.id) : []), [state, row]);
  const groupOptions = useMemo(
    () =>
      state.groups
        .keys()
        .filter((g) => !row.groups.some((x) => x.groupId === g))
        .map((g) => ({ id: g, label: state.groups.get(g)!.name, detail: g }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [state, row],
  );
  const isRole = row.objectType === 'Role';
  const ausOff = groupId && isRole ? groupMembersWithoutAus(state, groupId) : 0;
  const share = () => groupId && onPropose({ title: `Share “${row.name}” with “${state.groups.get(groupId)?.name}”`, planned: planShare(state, groupId, row) });
  const unshare = (g: { groupId: string; name: string }) =>
    onPropose({
      title: `Stop sharing “${row.name}” with “${g.name}”`,
      planned: planUnshare(state, g.groupId, row),
      ...(isRole
        ? { warning: `R20: every user of “${g.name}”’s accounts who holds “${sharedName(row.name)}” loses it (unless another group still shares it with their account), and so do the group’s own users. Anyone left with no roles is locked out — check the list below.` }
        : {}),
    });
  return (
    <Paper variant="outlined" component="section" aria-labelledby="resource-title" sx={{ p: 2, overflow: 'auto' }} data-testid="resource-detail">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="resource-title" variant="h6" component="h3">
          {row.name}
        </Typography>
        <Chip size="small" label={row.objectType} />
        <Chip size="small" color={row.ineligible ? 'default' : 'success'} label={row.ineligible ? 'Not shareable' : 'Shareable'} />
      </Stack>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="eligibility">
        <RuleText text={row.ineligible ? `${row.ineligible}.` : eligibility} />
      </Typography>
      {!row.catalogued && (
        <Typography variant="body2" color="text.secondary">
          The platform does not list this resource; it is shown because a group already shares it.
        </Typography>
      )}
      {isRole && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <RuleText rules={['R16']}>
            {() => (
              <>
                In member accounts it is listed as <strong data-testid="shared-name">{sharedName(row.name)}</strong>, in the role picker and on users’ roles.
              </>
            )}
          </RuleText>{' '}
          It never appears in Support Access Role lists.
        </Typography>
      )}
      <Tooltip title="R24: an account reaches the resources of every group it is in; the group's users reach them in its accounts.">
        <Typography variant="subtitle2" component="h4" sx={{ mt: 2, width: 'fit-content' }}>
          Shared with {row.groups.length} group{row.groups.length === 1 ? '' : 's'}
        </Typography>
      </Tooltip>
      <List dense aria-label="Groups sharing this resource">
        {row.groups.map((g) => (
          <ListItem key={g.groupId} secondaryAction={<Button size="small" onClick={() => unshare(g)} aria-label={`Unshare from ${g.name}`}>Unshare</Button>}>
            <ListItemText primary={g.name} />
          </ListItem>
        ))}
        {row.groups.length === 0 && (
          <ListItem>
            <ListItemText primary="No group shares it." />
          </ListItem>
        )}
      </List>
      {!row.ineligible && (
        // Wraps rather than clips: the panel is ~320 px wide at 1280.
        <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
          <EntityPicker id="share-group" label="Share with group" options={groupOptions} value={groupId} onChange={setGroupId} minWidth={180} />
          <Button variant="contained" disabled={!groupId} onClick={share} sx={{ flexShrink: 0 }}>
            Share…
          </Button>
        </Stack>
      )}
      {ausOff > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          <RuleText text={`${plural(ausOff, 'account')} of this group have Advanced User Security off: the role will be listed there but cannot be assigned until AUS is on.`} rules={['R15', 'R19']} />
        </Alert>
      )}
      {isRole && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h4">
            Held by {plural(new Set(holders.map((h) => h.userId)).size, 'user')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }} aria-label="Role holders" data-testid="role-holders">
            {holders.slice(0, HOLDERS_SHOWN).map((h, i) => (
              <li key={i}>
                {/* The person on a line of its own (a long e-mail ends in an ellipsis, whole on hover), then where. */}
                <Typography variant="body2" component="div" sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
                  <Person name={h.name} userId={h.userId} />
                  {/* The space keeps "…@x.com directly on" apart in the accessible text; a line's first space is not drawn. */}
                  <span> {h.where}</span>
                </Typography>
              </li>
            ))}
            {holders.length > HOLDERS_SHOWN && <li>and {fmt(holders.length - HOLDERS_SHOWN)} more</li>}
          </Box>
          <Button color="error" variant="outlined" sx={{ mt: 1 }} onClick={() => onPropose({ title: `Delete the role “${row.name}”`, planned: planDeleteRole(state, row.id) })}>
            Delete role…
          </Button>
        </Box>
      )}
    </Paper>
  );
};
