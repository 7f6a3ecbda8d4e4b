import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileSecretStore } from '../../../electron/main/services';
import { JournalStore } from '../../../electron/main/services/journal';
import type { OutboxOp } from '../../../shared/sync/types';
import { tempDirs } from './embedded';

/** Every open, fsync and rename of node:fs/promises, in order, as base names. */
const steps: string[] = [];
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (file, ...rest) => {
    const fd = await fs.open(file, ...rest);
    const name = path.basename(String(file));
    steps.push(`open ${name}`);
    const sync = fd.sync.bind(fd);
    fd.sync = async () => {
      steps.push(`sync ${name}`);
      return sync();
    };
    return fd;
  };
  const rename: typeof fs.rename = async (from, to) => {
    steps.push(`rename ${path.basename(String(from))} → ${path.basename(String(to))}`);
    return fs.rename(from, to);
  };
  return { ...fs, default: { ...fs, open, rename }, open, rename };
});

const tmp = tempDirs('roster-durable-');
const op: OutboxOp = {
  id: 'o1', planId: 'p', seq: 1, round: 0, args: { op: 'group.rename', groupId: 'g', name: 'n' },
  precondition: { expect: [] }, status: 'inflight', attempts: 0, createdAt: 1, updatedAt: Date.now(),
};

/** What a write must do before it counts as done: the temp file synced, renamed over, the folder synced. */
const durableSteps = (dir: string, file: string) => [
  expect.stringMatching(new RegExp(`^open ${file}\\.\\d+\\.\\d+\\.tmp$`)),
  expect.stringMatching(new RegExp(`^sync ${file}\\.\\d+\\.\\d+\\.tmp$`)),
  expect.stringMatching(new RegExp(`^rename ${file}\\.\\d+\\.\\d+\\.tmp → ${file}$`)),
  `open ${dir}`,
  `sync ${dir}`,
];

describe('durable writes (a crash or power cut leaves the old or the new content, never a mix)', () => {
  it('the push journal is fsynced: temp file synced, renamed over the journal, then its folder synced, before put resolves', async () => {
    const d = tmp();
    const j = new JournalStore(path.join(d, 'journal.json'));
    await j.all();
    steps.length = 0;
    await j.put([op]);
    expect(steps).toEqual(durableSteps(path.basename(d), 'journal.json'));
    expect(JSON.parse(readFileSync(path.join(d, 'journal.json'), 'utf8'))).toEqual([op]);
  });

  it('secrets.json is written the same way, mode 0600, and leaves no temp file', async () => {
    const d = tmp();
    const s = fileSecretStore(path.join(d, 'secrets.json'));
    steps.length = 0;
    await s.set('platform', 'a-token-1234');
    expect(steps).toEqual(durableSteps(path.basename(d), 'secrets.json'));
    expect(readdirSync(d)).toEqual(['secrets.json']);
    expect(statSync(path.join(d, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});
