import type { MouseEvent } from 'react';
import Link from '@mui/material/Link';
import type { Route } from '../../app/areas';
import { useRoute } from '../../app/routeStore';
import { accountViewRoute, groupRoute } from './model';

/**
 * A name that goes where it names. Inside a grid row the row's own click opens the explanation,
 * so a name's click stops there and only goes to the name.
 */
const NameLink = ({ name, label, route }: { name: string; label: string; route: Route }) => {
  const go = useRoute((s) => s.go);
  return (
    <Link component="button" type="button" variant="inherit" aria-label={label} sx={{ verticalAlign: 'baseline', textAlign: 'left' }}
      onClick={(e: MouseEvent) => {
        e.stopPropagation();
        go(route);
      }}>
      {name}
    </Link>
  );
};

/** A group's name that opens the group on the Groups screen. */
export const GroupLink = ({ groupId, name }: { groupId: string; name: string }) => <NameLink name={name} label={`Open group ${name}`} route={groupRoute(groupId)} />;

/** An account's name that opens its account view. */
export const AccountLink = ({ accountId, name }: { accountId: string; name: string }) => <NameLink name={name} label={`Open account ${name}`} route={accountViewRoute(accountId)} />;
