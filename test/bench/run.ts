// `npm run bench`: runs every test/bench/*.bench.ts in its own process (so memory figures are
// its own), one after another, passing their JSON lines through. Filters:
//   npm run bench -- --only access,platform   --tier large,huge
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = arg('only')?.split(',');
const tiers = arg('tier');

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || only.includes(f.replace('.bench.ts', '')))
  .sort();

let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(dir, f)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...(tiers ? { BENCH_TIERS: tiers } : {}) },
  });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} failed with exit ${r.status}\n`);
  }
}
process.exit(failed ? 1 : 0);
