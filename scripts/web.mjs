// `npm run web -- --port N [--data DIR] [--platform URL --user U --token T]`: the browser host.
// Builds the renderer first when out/renderer/index.html is missing (build output goes to stderr,
// so stdout carries only the one `ROSTER_WEB url=…` line), then runs electron/web/main.ts here
// (bundled to plain JavaScript, see scripts/web-bundle.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs'];
const SOURCES = ['renderer', 'shared', 'electron', 'platform'];

const newest = (dir) => {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};

/** True when a build is missing, or (with `stale`) older than any source file. */
export const needsBuild = ({ stale = false } = {}) => {
  const outputs = BUILT.map((f) => path.join(ROOT, f));
  if (!outputs.every((f) => existsSync(f))) return true;
  if (!stale) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((d) => existsSync(path.join(ROOT, d)) && newest(path.join(ROOT, d)) > built);
};

export const build = () => {
  console.error('roster: building the app (electron-vite build)…');
  const bin = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    console.error('roster: the build failed (see above)');
    process.exit(r.status ?? 1);
  }
};

/**
 * Runs the browser host in this process: from its plain-JavaScript bundle (scripts/web-bundle.mjs,
 * re-made when a source is newer), else through tsx, which compiles the TypeScript on the fly.
 */
export const runWeb = async (args) => {
  // Start-up marks for the bench (electron/web/startupTrace.ts): when node started, when this
  // script began, when the host bundle is about to load.
  const mark = (m, at = performance.timeOrigin + performance.now()) =>
    process.env.ROSTER_STARTUP_TRACE && process.stderr.write(`ROSTER_STARTUP ${JSON.stringify({ mark: m, at })}\n`);
  mark('node', performance.timeOrigin);
  mark('script');
  if (!existsSync(path.join(ROOT, 'out/renderer/index.html'))) build();
  const { ensureWebBundle } = await import('./web-bundle.mjs');
  const bundle = await ensureWebBundle();
  mark('bundleChecked');
  if (bundle) {
    process.argv = [process.argv[0], bundle, ...args];
    await import(pathToFileURL(bundle).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  process.argv = [process.argv[0], path.join(ROOT, 'electron/web/main.ts'), ...args];
  await import(pathToFileURL(path.join(ROOT, 'electron/web/main.ts')).href);
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await runWeb(process.argv.slice(2));
}
