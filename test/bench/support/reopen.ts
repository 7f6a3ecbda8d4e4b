// Run in a fresh process by startup.bench.ts: opens the embedded platform on an existing data
// dir, as the app's second start does, and prints how long that took and the process's memory.
import { startPlatform } from '../../../platform';

const dir = process.argv[2];
if (!dir) throw new Error('usage: reopen.ts DATA_DIR');
const t0 = performance.now();
const p = await startPlatform({ dataDir: dir, port: 0, seed: 'demo', quiet: true });
const reopenMs = performance.now() - t0;
(globalThis as { gc?: () => void }).gc?.();
const line = { reopenMs, rssMB: process.memoryUsage().rss / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 };
await p.close();
process.stdout.write(`REOPEN ${JSON.stringify(line)}\n`);
