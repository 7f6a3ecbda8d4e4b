import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, vi } from 'vitest';
// Loaded with the test file, so its import is not counted in a test's time.
import { main } from '../../../cli/main';

export const ROOT = path.resolve(__dirname, '../../..');

/** The `roster` command as a user runs it: its own process, its exit code and both streams. */
export const roster = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/roster.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/**
 * The same command run inside the test's process (cli/main's `main`, both streams captured): for
 * checks of a command's answer, where a process start per case (3–4 s each at load 17) buys
 * nothing `roster` above does not already check once.
 */
export const rosterInProcess = async (...args: string[]) => {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
};

/** A folder for one test file's inputs and outputs, removed after its tests (call at the top level). */
export const scratchDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string) => path.join(dir, name);
  const file = (name: string, content: string) => {
    writeFileSync(at(name), content);
    return at(name);
  };
  return { at, file };
};
