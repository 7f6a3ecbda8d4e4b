import { useMemo } from 'react';
import { Command } from 'cmdk';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import Typography from '@mui/material/Typography';
import { useAccessState } from '../domain/accessState';
import { buildSearchIndex, KIND_LABEL, routeOf, searchItems, type SearchItem, type SearchKind } from '../domain/searchIndex';
import type { Route } from '../app/areas';

/** The search palette's dialog (GlobalSearch.tsx loads it on the first Ctrl/Cmd+K). */
export const GlobalSearchDialog = ({ open, query, setQuery, onClose, onGo }: { open: boolean; onClose: () => void; onGo: (route: Route) => void } & Pick<PaletteProps, 'query' | 'setQuery'>) => (
  <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" slotProps={{ paper: { 'aria-label': 'Search everything', sx: { position: 'fixed', top: 64, m: 0 } } }}>
    {open && <Palette query={query} setQuery={setQuery} onPick={(it) => onGo(routeOf(it))} />}
  </Dialog>
);

interface PaletteProps {
  query: string;
  setQuery: (q: string) => void;
  onPick: (it: SearchItem) => void;
}

const Palette = ({ query, setQuery, onPick }: PaletteProps) => {
  const live = useAccessState();
  const index = useMemo(() => (live ? buildSearchIndex(live.state) : []), [live]);
  const hits = useMemo(() => searchItems(index, query), [index, query]);
  const byKind = useMemo(() => {
    const m = new Map<SearchKind, SearchItem[]>();
    for (const h of hits) m.set(h.kind, [...(m.get(h.kind) ?? []), h]);
    return [...m];
  }, [hits]);
  return (
    <Box
      component={Command}
      label="Search everything"
      shouldFilter={false}
      loop
      sx={{
        '& [cmdk-input]': { width: '100%', border: 0, borderBottom: 1, borderColor: 'divider', p: 2, font: 'inherit', fontSize: 18, outline: 'none', bgcolor: 'background.paper', color: 'text.primary' },
        '& [cmdk-list]': { maxHeight: 420, overflow: 'auto', p: 1 },
        '& [cmdk-group-heading]': { px: 1, pt: 1, pb: 0.5, fontSize: 12, fontWeight: 700, color: 'text.secondary', textTransform: 'uppercase' },
        '& [cmdk-item]': { px: 1.5, py: 1, borderRadius: 1, cursor: 'pointer' },
        '& [cmdk-item][data-selected="true"]': { bgcolor: 'action.selected' },
      }}
    >
      <Command.Input value={query} onValueChange={setQuery} placeholder="Search groups, accounts, users, resources, services…" autoFocus />
      <Command.List aria-label="Results">
        {!live && <Command.Loading>Loading the cache…</Command.Loading>}
        {live && query.trim() !== '' && <Command.Empty>Nothing matches “{query.trim()}”.</Command.Empty>}
        {live && query.trim() === '' && (
          <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
            Type a name, an id or an e-mail. ↑↓ to move, Enter to open, Esc to close.
          </Typography>
        )}
        {byKind.map(([kind, items]) => (
          <Command.Group key={kind} heading={KIND_LABEL[kind]}>
            {items.map((it) => (
              <Command.Item key={`${it.kind}:${it.id}`} value={`${it.kind}:${it.id}`} onSelect={() => onPick(it)}>
                <Typography variant="body1" component="span">
                  {it.label}
                </Typography>
                <Typography variant="body2" component="span" color="text.secondary" sx={{ ml: 1 }}>
                  {it.detail}
                </Typography>
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
    </Box>
  );
};
