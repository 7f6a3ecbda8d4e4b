import type { MouseEvent } from 'react';
import Link from '@mui/material/Link';
import { useRoute } from '../../app/routeStore';
import { accountViewRoute, groupRoute } from './model';

// Inside a grid row the row's own click opens the explanation; a name's click only goes to the name.
const stop = (e: MouseEvent) => e.stopPropagation();

/** A group's name that opens the group on the Groups screen. */
export const GroupLink = ({ groupId, name }: { groupId: string; name: string }) => {
  const go = useRoute((s) => s.go);
  return (
    <Link component="button" type="button" variant="inherit" aria-label={`Open group ${name}`} sx={{ verticalAlign: 'baseline' }}
      onClick={(e: MouseEvent) => {
        stop(e);
        go(groupRoute(groupId));
      }}>
      {name}
    </Link>
  );
};

/** An account's name that opens its account view. */
export const AccountLink = ({ accountId, name }: { accountId: string; name: string }) => {
  const go = useRoute((s) => s.go);
  return (
    <Link component="button" type="button" variant="inherit" aria-label={`Open account ${name}`} sx={{ verticalAlign: 'baseline', textAlign: 'left' }}
      onClick={(e: MouseEvent) => {
        stop(e);
        go(accountViewRoute(accountId));
      }}>
      {name}
    </Link>
  );
};
