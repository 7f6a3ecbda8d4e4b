import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let unique = 0;

/**
 * Replaces `file` with `text` so that a crash or power cut leaves either the old or the new
 * content, never a mix: a temp file beside it, fsynced, renamed over it, then the folder fsynced
 * so the rename itself is on disk.
 */
export const writeFileDurably = async (file: string, text: string, mode = 0o600): Promise<void> => {
  const temp = `${file}.${process.pid}.${++unique}.tmp`;
  try {
    const fd = await open(temp, 'w', mode);
    try {
      await fd.writeFile(text);
      await fd.sync();
    } finally {
      await fd.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  const dir = await open(path.dirname(file), 'r').catch(() => null); // Windows cannot open a folder
  if (dir) {
    try {
      await dir.sync();
    } catch {
      // Some file systems refuse fsync on a folder; the rename is as durable as they make it.
    } finally {
      await dir.close();
    }
  }
};
