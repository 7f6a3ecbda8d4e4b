import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useRoute } from '../../app/routeStore';
import type { GroupRow } from './data';
import { RuleText } from '../../components/RuleText';

/** The resources shared with the group (R22, R24); sharing them is the Resources area's job. */
export const ResourcesTab = ({ group }: { group: GroupRow }) => {
  const go = useRoute((s) => s.go);
  return (
    <Box sx={{ p: 2, overflow: 'auto' }}>
      {/* The Resources area opens with this group leading its drop list. */}
      <Button
        variant="outlined"
        size="small"
        sx={{ mb: 2 }}
        disabled={group.pending === 'created'}
        title={group.pending === 'created' ? 'The group is still pending creation.' : undefined}
        onClick={() => go({ area: 'resources', item: group.id })}
      >
        Share resources with {group.name}…
      </Button>
      {group.resources.length === 0 ? (
        <Typography color="text.secondary">
          <RuleText
            text={`No resources are shared with ${group.name}. Resources shared with a group (clouds, connectors, roles, published processes, integration packs, models) reach every account in it.`}
            rules={['R24']}
          />
        </Typography>
      ) : (
        <Table size="small" aria-label={`Resources shared with ${group.name}`}>
          <TableHead>
            <TableRow>
              <TableCell>Type</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Resource ID</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {group.resources.map((r) => (
              <TableRow key={`${r.objectType}/${r.resourceId}`}>
                <TableCell>{r.objectType ?? 'Unknown type'}</TableCell>
                <TableCell>{r.resourceName}</TableCell>
                <TableCell>{r.resourceId}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
