import { Suspense, lazy, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import Box from '@mui/material/Box';
import { AREAS, type AreaId } from './areas';
import { useRoute } from './routeStore';
import { afterFirstPaint, firstScreenDrawn } from './startup';

/** One lazy component per area, made once: React.lazy must keep its identity across renders. */
const VIEWS = new Map<AreaId, LazyExoticComponent<ComponentType>>(
  AREAS.map((a) => [a.id, lazy(async () => ({ default: await a.load() }))]),
);

/**
 * The area the window opens on starts loading as this module is read, before React's first
 * render: its chunk is then ready (or nearly) when that render asks for it, instead of being
 * requested only once the shell has rendered.
 */
const firstArea = AREAS.find((a) => a.id === useRoute.getState().route.area);
const firstLoad = firstArea ? firstArea.load().then(() => undefined, () => undefined) : Promise.resolve();

/**
 * The other areas are fetched once the first screen is up (its chunk loaded, a frame painted and
 * the thread idle), so a switch does not wait. Earlier, their parsing competed with the first
 * screen: an idle moment comes while the first screen waits for IndexedDB.
 */
const prefetchOthers = (shown: AreaId): (() => void) => {
  let cancelled = false;
  void firstLoad
    .then(() => afterFirstPaint())
    .then(() => {
      if (cancelled) return;
      for (const a of AREAS) if (a.id !== shown) void a.load().catch(() => undefined);
    });
  return () => void (cancelled = true);
};

/** A chunk read from the app's own files takes milliseconds: an empty, busy pane rather than a spinner. */
const Loading = () => <Box aria-busy="true" sx={{ flex: 1 }} />;

/** Committed with the area's screen, never with its loading pane: the first screen is drawn. */
const DrawnMark = () => {
  useEffect(() => firstScreenDrawn(), []);
  return null;
};

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
      <DrawnMark />
    </Suspense>
  );
};
