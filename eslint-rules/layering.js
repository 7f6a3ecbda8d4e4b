// DESIGN.md "The house": arrows only point down. This rule resolves every relative import to
// the top-level folder it lands in and refuses the edges the design forbids.
import path from 'node:path';

/** Which layers each layer may import (its own always allowed). */
export const ALLOWED = {
  shared: [],
  renderer: ['shared'],
  electron: ['shared', 'platform'],
  platform: ['shared'],
  cli: ['shared', 'platform'],
  test: ['shared', 'renderer', 'electron', 'platform', 'cli', 'test'],
  scripts: ['shared', 'platform', 'electron'],
};

/** Packages a layer must not reach for: shared is pure, the renderer never touches Node. */
const FORBIDDEN_PACKAGES = {
  shared: /^(node:|electron$|react|@mui|dexie|zustand|hono|@hono|@electric-sql|fs$|path$|os$|crypto$|child_process$|http$|url$)/,
  renderer: /^(node:|electron$|hono|@hono|@electric-sql|fs$|path$|os$|child_process$)/,
  platform: /^(electron$|react|@mui|dexie)/,
  cli: /^(electron$|react|@mui|dexie)/,
};

/**
 * Inside the renderer each feature (renderer/src/features/<name>) is a screen of its own: what two
 * features share lives in components/ or domain/, so a feature can be read, moved or loaded lazily
 * without dragging another one in. Only app/ composes features.
 */
const FEATURES = path.join('renderer', 'src', 'features');
const featureOf = (root, file) => {
  const rel = path.relative(root, file);
  if (!rel.startsWith(FEATURES + path.sep)) return null;
  return rel.slice(FEATURES.length + 1).split(path.sep)[0];
};
const mayComposeFeatures = (root, file) => path.relative(root, file).startsWith(path.join('renderer', 'src', 'app') + path.sep);

/**
 * Inside shared/ the folders are layers too, lowest first: a folder imports only itself and the
 * ones before it, so the vendor's records never depend on the engine that sends them and the IPC
 * contract (the top) can name anything below it without a cycle. `seeds` build snapshots from
 * the model alone; `review` reads access and plans; `sync` uses all but `review`.
 */
export const SHARED_LAYERS = ['model', 'seeds', 'api', 'access', 'plans', 'review', 'sync', 'ipc'];
const sharedLayerOf = (root, file) => {
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] !== 'shared' || parts.length < 2) return null;
  const name = parts.length === 2 ? parts[1].replace(/\.tsx?$/, '') : parts[1];
  return SHARED_LAYERS.includes(name) ? name : null;
};

const layerOf = (root, file) => {
  const rel = path.relative(root, file);
  if (rel.startsWith('..')) return null;
  const top = rel.split(path.sep)[0];
  return top in ALLOWED ? top : null;
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of DESIGN.md (arrows only point down).' },
    schema: [],
    messages: {
      edge: '{{from}}/ may not import {{to}}/ (DESIGN.md: arrows only point down).',
      pkg: '{{from}}/ may not import "{{name}}" ({{from}} must stay free of it).',
      feature:
        'features/{{from}} may not import features/{{to}}: move what both use to renderer/src/components or renderer/src/domain (renderer/CONTEXT.md).',
      shared:
        'shared/{{from}} may not import shared/{{to}}: inside shared/ {{to}} sits above {{from}} (order: {{order}}); move what both need down to shared/{{from}} or lower.',
      composes: 'only renderer/src/app may import a feature (features/{{to}}); move what is shared to components/ or domain/.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const to = layerOf(root, path.resolve(path.dirname(file), spec));
        const target = path.resolve(path.dirname(file), spec);
        if (to && to !== from && !ALLOWED[from].includes(to)) context.report({ node, messageId: 'edge', data: { from, to } });
        if (from === 'shared' && to === 'shared') {
          const a = sharedLayerOf(root, file);
          const b = sharedLayerOf(root, target);
          if (a && b && SHARED_LAYERS.indexOf(b) > SHARED_LAYERS.indexOf(a))
            context.report({ node, messageId: 'shared', data: { from: a, to: b, order: SHARED_LAYERS.join(' < ') } });
        }
        const toFeature = featureOf(root, target);
        if (from === 'renderer' && toFeature) {
          const fromFeature = featureOf(root, file);
          if (fromFeature && fromFeature !== toFeature) context.report({ node, messageId: 'feature', data: { from: fromFeature, to: toFeature } });
          else if (!fromFeature && !mayComposeFeatures(root, file)) context.report({ node, messageId: 'composes', data: { to: toFeature } });
        }
        return;
      }
      const re = FORBIDDEN_PACKAGES[from];
      if (re && re.test(spec)) context.report({ node, messageId: 'pkg', data: { from, name: spec } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};
