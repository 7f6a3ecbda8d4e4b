import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * One process per data dir, taken atomically: the lock file is written in full under a unique
 * name and then hard-linked into place (link(2) fails if the name exists), so nobody ever sees
 * it empty or half-written. A lock whose holder is gone (crashed, killed) is taken over at once,
 * but only by whoever first wins a second exclusive file for the takeover: two starts that both
 * find the same dead holder cannot both win.
 */

export class DirLockedError extends Error {
  constructor(
    readonly holder: number,
    message: string,
  ) {
    super(message);
  }
}

/** A killed process can linger as a zombie until reaped (or forever under a PID 1 that never reaps). */
const zombie = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return false;
  }
};

export const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return !zombie(pid);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid in a lock file; NaN when it is gone. A file always holds a whole pid (see above). */
const holderOf = (file: string): number => {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return NaN;
    throw e;
  }
};

let unique = 0;

/** Creates `file` holding our pid, atomically; false if it already exists. */
const linkExclusive = (file: string): boolean => {
  const temp = `${file}.${process.pid}.${++unique}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, String(process.pid));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(temp, { force: true });
  }
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes `name` in `dir` for this process or throws DirLockedError (with `busy(pid)` as its
 * message) while a live process holds it. Returns the release; releasing twice is harmless.
 */
export const lockDir = (dir: string, name: string, busy: (pid: number) => string): (() => void) => {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const takeover = `${file}.takeover`;
  // A takeover in progress by a live process ends within milliseconds: wait for it a little.
  for (let attempt = 0; attempt < 100; attempt++) {
    if (linkExclusive(file)) {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (holderOf(file) === process.pid) rmSync(file, { force: true });
      };
    }
    const holder = holderOf(file);
    if (Number.isNaN(holder)) continue; // released between our link and our read: try again
    if (alive(holder)) throw new DirLockedError(holder, busy(holder));
    if (!linkExclusive(takeover)) {
      const taker = holderOf(takeover);
      if (!Number.isNaN(taker) && !alive(taker)) rmSync(takeover, { force: true }); // the taker died mid-takeover
      else sleepSync(10);
      continue;
    }
    try {
      // Only the takeover's owner removes a dead holder's file, and only if it still names that holder.
      if (holderOf(file) === holder) rmSync(file, { force: true });
    } finally {
      rmSync(takeover, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}: ${file} keeps changing hands`);
};
