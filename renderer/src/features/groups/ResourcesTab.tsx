import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { GroupRow } from './data';

/** The resources shared with the group (R22, R24); sharing them is the Resources area's job. */
export const ResourcesTab = ({ group }: { group: GroupRow }) => (
  <Box sx={{ p: 2, overflow: 'auto' }}>
    {group.resources.length === 0 ? (
      <Typography color="text.secondary">
        No resources are shared with {group.name}. Resources shared with a group (clouds, connectors, roles, published
        processes, integration packs, models) reach every account in it (R24).
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
