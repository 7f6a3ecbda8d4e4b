import { PGlite } from '@electric-sql/pglite';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA } from './schema';

const require = createRequire(import.meta.url);

/** A directory holds a PostgreSQL cluster once initdb has written PG_VERSION into it. */
const isCluster = (dir: string): boolean => existsSync(path.join(dir, 'PG_VERSION'));

/** PGlite's package.json (its "exports" hide it from require.resolve, so walk up from the entry). */
const pglitePackage = (): string => {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'package.json');
};

/**
 * PGlite's wasm and data files, read from disk and handed to it. Left to itself PGlite decides by
 * `process.type` whether it runs under Node: a value of "worker" (as Electron may give a thread)
 * makes it fetch() the files by file: URL, which fails, and inside a packaged app's asar only fs
 * reads them. Handing them over makes every host open the database the same way.
 */
const pgliteAssets = async () => {
  const dist = path.join(path.dirname(pglitePackage()), 'dist');
  const read = (name: string) => readFileSync(path.join(dist, name));
  return {
    pgliteWasmModule: await WebAssembly.compile(read('pglite.wasm')),
    fsBundle: new Blob([read('pglite.data')]),
    // Given or not, PGlite starts fetching initdb's wasm unless it has it (a 0.3 MB compile).
    initdbWasmModule: await WebAssembly.compile(read('initdb.wasm')),
  };
};

const pgliteVersion = (): string => (JSON.parse(readFileSync(pglitePackage(), 'utf8')) as { version: string }).version;

/**
 * Where the initdb template lives: node_modules/.cache (removed with node_modules, so it never
 * outlives the PGlite build it came from), else the user's cache directory when node_modules is
 * read-only (a packaged app).
 */
const templateCandidates = (): string[] => {
  const pkg = pglitePackage();
  const nodeModules = path.resolve(path.dirname(pkg), '..', '..');
  const userCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const name = `pgdata-template-${pgliteVersion()}`;
  return [path.join(nodeModules, '.cache', 'roster-platform', name), path.join(userCache, 'roster', name)];
};

/**
 * initdb costs ~4 s and ~800 MB RSS; copying a pristine cluster costs ~0.1 s. So initdb runs once
 * per machine (in a temporary directory, renamed into place so racing processes never see half
 * a template) and every new data directory starts as a copy of it.
 */
const ensureTemplate = async (): Promise<string> => {
  let lastError: unknown;
  for (const dir of templateCandidates()) {
    if (isCluster(dir)) return dir;
    try {
      mkdirSync(path.dirname(dir), { recursive: true });
      const tmp = mkdtempSync(`${dir}.tmp-`);
      const db = await PGlite.create(tmp, await pgliteAssets());
      await db.close();
      try {
        renameSync(tmp, dir);
      } catch {
        rmSync(tmp, { recursive: true, force: true }); // another process won the race
      }
      if (isCluster(dir)) return dir;
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`cannot create the database template: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
};

/**
 * Memory sized for a desktop app, not a server: initdb's defaults (128 MB of shared buffers,
 * 64 MB of maintenance memory) made the embedded platform hold ~430 MB; with these it holds
 * ~300 MB (measured by the platform bench's reopen line). One connection, so no per-connection
 * headroom either. Work memory stays at 4 MB: the largest sort is one page of a query.
 */
export const DESKTOP_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  work_mem: '4MB',
  maintenance_work_mem: '16MB',
  temp_buffers: '2MB',
  max_connections: '4',
};

/** PGlite's own start parameters plus ours; none of ours if a PGlite build does not expose its defaults. */
const startOptions = (): { startParams?: string[] } => {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  if (!Array.isArray(defaults)) return {};
  return { startParams: [...defaults, ...Object.entries(DESKTOP_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])] };
};

export interface OpenedDatabase {
  db: PGlite;
  /** True when the data directory was empty and has just been created (so it needs a seed). */
  created: boolean;
}

/** Opens (or creates from the template) the PGlite cluster in `dataDir` and applies the schema. */
export const openDatabase = async (dataDir: string): Promise<OpenedDatabase> => {
  const dir = path.resolve(dataDir);
  let created = false;
  if (!isCluster(dir)) {
    // The data-dir lock (platform.lock) is taken before the database is created.
    if (existsSync(dir) && readdirSync(dir).some((f) => !f.startsWith('platform.lock'))) {
      throw new Error(`data directory ${dir} is not empty and holds no platform database`);
    }
    const template = await ensureTemplate();
    mkdirSync(dir, { recursive: true });
    cpSync(template, dir, { recursive: true });
    created = true;
  }
  const db = await PGlite.create(dir, { ...startOptions(), ...(await pgliteAssets()) });
  await db.exec(SCHEMA);
  const seeded = await db.query<{ value: string }>(`select value from meta where key = 'seeded'`);
  return { db, created: created || seeded.rows.length === 0 };
};
