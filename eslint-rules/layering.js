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
        if (to && to !== from && !ALLOWED[from].includes(to)) context.report({ node, messageId: 'edge', data: { from, to } });
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
