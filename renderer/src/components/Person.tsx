import type { MouseEvent } from 'react';
import Box from '@mui/material/Box';

/**
 * A person, the one way every screen shows one: the name, then the e-mail (the user id) in the
 * secondary colour; the e-mail alone when the cache knows no name. `personText` is the same in
 * plain text (titles, labels, CSV).
 */
export const personText = (name: string | null | undefined, userId: string): string =>
  name && name !== userId ? `${name} (${userId})` : userId;

/**
 * A cell too narrow for a long e-mail ends it with an ellipsis; hovering it then shows the whole
 * text (the accessible name always has it: the text is all there, only drawn cut).
 */
const titleWhenCut = (text: string) => (e: MouseEvent<HTMLElement>) => {
  const el = e.currentTarget;
  const cut = el.scrollWidth > el.clientWidth || (el.parentElement !== null && el.parentElement.scrollWidth > el.parentElement.clientWidth);
  if (cut) el.title = text;
  else el.removeAttribute('title');
};

export const Person = ({ name, userId }: { name: string | null | undefined; userId: string }) =>
  name && name !== userId ? (
    <Box component="span" onMouseEnter={titleWhenCut(personText(name, userId))} sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {/* A space, not only a margin: the row's accessible name reads "Ana Fischer ana@x", not "Ana Fischerana@x". */}
      {name}{' '}
      <Box component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
        {userId}
      </Box>
    </Box>
  ) : (
    <Box component="span" onMouseEnter={titleWhenCut(userId)} sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {userId}
    </Box>
  );
