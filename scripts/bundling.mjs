// What the CLI and web-host bundles share: is a bundle older than what it was made from, writing
// one so a parallel run never sees half a file, and falling back to tsx when esbuild can't run.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file's modification time, 0 when it does not exist. */
export const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
};

/** The newest modification time of the files under `dir` that `accept` takes (a few ms of stat calls). */
export const newestIn = (dir, accept = () => true) => {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestIn(p, accept));
    else if (accept(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
};

/** Runs `write(tmp)` and renames the result to `out`. */
export const writeBundle = async (out, write) => {
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const result = await write(tmp);
    renameSync(tmp, out);
    return result;
  } finally {
    rmSync(tmp, { force: true });
  }
};

/** The bundle's path, made first when stale; null when it cannot be made (the caller then uses tsx). */
export const ensureBundle = async ({ bundle, isStale, build, what }) => {
  if (!isStale()) return bundle;
  try {
    await build();
    return bundle;
  } catch (e) {
    process.stderr.write(`roster: could not bundle ${what} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); running it through tsx\n`);
    return null;
  }
};
