// Electron's own download script is skipped by "allowScripts" (it fetches from GitHub, which
// some machines cannot reach). We try it here ourselves: users with internet get the binary,
// everyone else gets one line saying the app will run in the browser host instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const electronDir = () => {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
};

const hasBinary = (dir) => existsSync(path.join(dir, 'path.txt'));

const main = () => {
  const dir = electronDir();
  if (!dir) return;
  if (hasBinary(dir)) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.CI) {
    console.log('roster: Electron binary not downloaded (skipped); `npm start` will use the browser host.');
    return;
  }
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'pipe', timeout: 120_000 });
  if (r.status === 0 && hasBinary(dir)) console.log('roster: Electron binary installed.');
  else console.log('roster: Electron binary could not be downloaded here; `npm start` will use the browser host (npm run web).');
};

main();

// The CLI as plain JavaScript (scripts/cli-bundle.mjs); if this fails, `roster` bundles on its first run or uses tsx.
try {
  const { buildCliBundle } = await import('./cli-bundle.mjs');
  await buildCliBundle();
} catch {
  /* bin/roster.mjs falls back */
}
