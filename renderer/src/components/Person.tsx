import Box from '@mui/material/Box';

/**
 * A person, the one way every screen shows one: the name, then the e-mail (the user id) in the
 * secondary colour; the e-mail alone when the cache knows no name. `personText` is the same in
 * plain text (titles, labels, CSV).
 */
export const personText = (name: string | null | undefined, userId: string): string =>
  name && name !== userId ? `${name} (${userId})` : userId;

export const Person = ({ name, userId }: { name: string | null | undefined; userId: string }) =>
  name && name !== userId ? (
    <Box component="span" sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {/* A space, not only a margin: the row's accessible name reads "Ana Fischer ana@x", not "Ana Fischerana@x". */}
      {name}{' '}
      <Box component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
        {userId}
      </Box>
    </Box>
  ) : (
    <span>{userId}</span>
  );
