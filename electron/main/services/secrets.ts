import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from './durable';

/**
 * Where main keeps tokens. Credentials live only in main (DESIGN.md): never in the renderer,
 * the cache or a log. Electron encrypts with safeStorage; the browser host keeps a 0600 file.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export const memorySecretStore = (): SecretStore => {
  const m = new Map<string, string>();
  return {
    get: async (n) => m.get(n) ?? null,
    set: async (n, v) => void m.set(n, v),
    delete: async (n) => void m.delete(n),
  };
};

/** How values are sealed on disk: Electron's safeStorage, or nothing but file permissions. */
export interface Cipher {
  seal(plain: string): string;
  open(sealed: string): string;
}
export const plainCipher: Cipher = { seal: (s) => s, open: (s) => s };

/** One JSON file of sealed values, mode 0600, replaced atomically on every change. */
export const fileSecretStore = (file: string, cipher: Cipher = plainCipher): SecretStore => {
  const load = async (): Promise<Record<string, string>> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const save = async (all: Record<string, string>) => {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    if (Object.keys(all).length === 0) return rm(file, { force: true });
    // Whole or not at all: a crash mid-write must not leave a truncated file that reads as "no tokens".
    await writeFileDurably(file, JSON.stringify(all), 0o600);
    await chmod(file, 0o600);
  };
  return {
    get: async (n) => {
      const v = (await load())[n];
      if (typeof v !== 'string') return null;
      try {
        return cipher.open(v);
      } catch {
        return null; // sealed by another user or machine: as good as absent
      }
    },
    set: async (n, v) => save({ ...(await load()), [n]: cipher.seal(v) }),
    delete: async (n) => {
      const all = await load();
      delete all[n];
      await save(all);
    },
  };
};
