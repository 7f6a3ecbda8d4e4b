// The production renderer bundle (issue: cold paths): builds it as `npm run build` does, then
// reports what the first screen loads (the entry, its static imports, and the Groups area with
// its imports: one line, raw and gzip bytes) and one line per chunk. Areas are lazy chunks
// (renderer/src/app/areas.ts), so the first screen does not pay for the others.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { emit } from './emit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'out/renderer');
const FIRST_AREA = 'src/features/groups/GroupsArea.tsx';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

const build = spawnSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`electron-vite build exited ${build.status}: ${build.stderr.slice(-2000)}`);

const manifest = JSON.parse(readFileSync(path.join(OUT, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const sizeOf = (file: string) => {
  const bytes = readFileSync(path.join(OUT, file));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
};

/** A chunk and everything it imports statically: what the browser fetches before it runs. */
const closure = (key: string, into = new Set<string>()): Set<string> => {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const k of manifest[key]!.imports ?? []) closure(k, into);
  return into;
};

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const first = new Set([...closure(entry), ...closure(FIRST_AREA)]);
const total = (keys: Iterable<string>) => {
  let raw = 0;
  let gzip = 0;
  for (const k of keys) {
    const s = sizeOf(manifest[k]!.file);
    raw += s.raw;
    gzip += s.gzip;
  }
  return { raw, gzip };
};
const firstScreen = total(first);
emit({ metric: 'bundle.firstScreen', value: firstScreen.raw / 1024, unit: 'KiB', tier: '-', gzipKiB: firstScreen.gzip / 1024, chunks: first.size });

const assets = readdirSync(path.join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
let all = 0;
for (const f of assets.sort()) {
  const key = Object.keys(manifest).find((k) => manifest[k]!.file === `assets/${f}`);
  const c = key ? manifest[key]! : undefined;
  const s = sizeOf(`assets/${f}`);
  all += s.raw;
  const kind = !c ? 'worker' : c.isEntry ? 'entry' : c.isDynamicEntry ? 'area' : 'shared';
  emit({ metric: 'bundle.chunk', value: s.raw / 1024, unit: 'KiB', tier: '-', chunk: f.replace(/-[\w-]{8}\.js$/, ''), kind, gzipKiB: s.gzip / 1024, firstScreen: !!key && first.has(key) });
}
emit({ metric: 'bundle.total', value: all / 1024, unit: 'KiB', tier: '-', chunks: assets.length });
