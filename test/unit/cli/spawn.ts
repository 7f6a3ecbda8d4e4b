import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(__dirname, '../../..');

/** The `roster` command as a user runs it: its own process, its exit code and both streams. */
export const roster = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/roster.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
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
