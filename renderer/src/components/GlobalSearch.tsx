import { Suspense, lazy, useEffect, useState } from 'react';
import { useRoute } from '../app/routeStore';

/**
 * Its dialog (cmdk, the access state it searches) is a chunk of its own, loaded on the first
 * Ctrl/Cmd+K: the first screen neither downloads nor parses it.
 */
const GlobalSearchDialog = lazy(() => import('./GlobalSearchDialog').then((m) => ({ default: m.GlobalSearchDialog })));

/**
 * Global search (Ctrl/Cmd+K): one command palette (cmdk) over groups, accounts, users, resources
 * and partner services, by name, id or e-mail; Enter opens the item where it lives.
 */
export const GlobalSearch = () => {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const go = useRoute((s) => s.go);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpened(true);
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <GlobalSearchDialog
        open={open}
        query={query}
        setQuery={setQuery}
        onClose={close}
        onGo={(route) => {
          close();
          go(route);
        }}
      />
    </Suspense>
  );
};
