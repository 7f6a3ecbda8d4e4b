import { Suspense, lazy, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import Box from '@mui/material/Box';
import { AREAS, type AreaId } from './areas';
import { useRoute } from './routeStore';

/** One lazy component per area, made once: React.lazy must keep its identity across renders. */
const VIEWS = new Map<AreaId, LazyExoticComponent<ComponentType>>(
  AREAS.map((a) => [a.id, lazy(async () => ({ default: await a.load() }))]),
);

/** Once the first screen is up, the other areas are fetched while the app is idle, so a switch does not wait. */
const prefetchOthers = (shown: AreaId): (() => void) => {
  const load = () => {
    for (const a of AREAS) if (a.id !== shown) void a.load().catch(() => undefined);
  };
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) {
    const id = idle(load, { timeout: 5_000 });
    return () => (globalThis as unknown as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(id);
  }
  const t = setTimeout(load, 2_000);
  return () => clearTimeout(t);
};

/** A chunk read from the app's own files takes milliseconds: an empty, busy pane rather than a spinner. */
const Loading = () => <Box aria-busy="true" sx={{ flex: 1 }} />;

export const AreaView = () => {
  const area = useRoute((s) => s.route.area);
  const View = VIEWS.get(area);
  // Only the first area shown starts the prefetch; later switches find the chunks loaded.
  const [first] = useState(area);
  useEffect(() => prefetchOthers(first), [first]);
  if (!View) return null;
  return (
    <Suspense fallback={<Loading />}>
      <View />
    </Suspense>
  );
};
