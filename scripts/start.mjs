// `npm start`: the Electron app when its binary is here; otherwise one line saying so, and the
// same app served in the browser (the browser host, port 5170 unless --port is given).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, build, needsBuild, runWeb } from './web.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const electronBinary = () => {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    if (!existsSync(path.join(dir, 'path.txt'))) return null;
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
};

const bin = electronBinary();
if (bin) {
  if (needsBuild({ stale: true })) build();
  const child = spawn(bin, [ROOT, ...args], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log('roster: the Electron binary is missing here (it could not be downloaded), so Roster is served in your browser instead: open the ROSTER_WEB url below.');
  if (needsBuild({ stale: true })) build();
  await runWeb(args.includes('--port') ? args : ['--port', '5170', ...args]);
}
