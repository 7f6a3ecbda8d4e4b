// Loaded with `node --import` into a measured child: at exit it writes one RUSAGE line on
// stderr with the whole process's wall time (from process start), CPU time and peak RSS.
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

process.on('exit', () => {
  const r = process.resourceUsage();
  const line = { wallMs: Date.now() - performance.timeOrigin, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, maxRssMB: r.maxRSS / 1024 };
  writeSync(2, `RUSAGE ${JSON.stringify(line)}\n`);
});
