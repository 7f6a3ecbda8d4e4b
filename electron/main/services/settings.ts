import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** The non-secret part of the chosen connection, kept between launches (the token is a secret). */
export const ConnectionSettings = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }),
  z.object({ mode: z.literal('remote'), url: z.string().url(), user: z.string().min(1) }),
]);
export type ConnectionSettings = z.infer<typeof ConnectionSettings>;

export interface SettingsStore {
  load(): Promise<ConnectionSettings | null>;
  save(s: ConnectionSettings): Promise<void>;
}

export const memorySettingsStore = (initial: ConnectionSettings | null = null): SettingsStore => {
  let s = initial;
  return { load: async () => s, save: async (v) => void (s = v) };
};

export const fileSettingsStore = (file: string): SettingsStore => ({
  load: async () => {
    try {
      const r = ConnectionSettings.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  },
  save: async (s) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(s, null, 2));
  },
});
