import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Helpers for Playwright specs: the reference platform (`npm run platform`) and the browser
 * host (`npm run web`), each in its own process group on a free port with a temp data dir,
 * found by the one line it prints (ROSTER_PLATFORM / ROSTER_WEB), and stopped by its own id.
 * Each is one Node process started straight from its script, not through npm: `npm run platform`
 * was npm, a shell, tsx's launcher and the platform (four processes to start on a machine at
 * load 30, where each start took 20–27 s).
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The limit of a hook that starts a platform and a browser host (and opens a page on them): at
 * load 30 on 2 cores each start took 20–40 s, so this guards a hang, not speed.
 */
export const STARTS_TIMEOUT = 240_000;

export interface Spawned {
  proc: ChildProcess;
  dataDir: string;
  port: number;
  /** Everything the process wrote to stderr so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
  /** SIGKILL the whole group: a crash, with no chance to clean up. */
  crash(): Promise<void>;
}

export interface PlatformProcess extends Spawned {
  url: string;
  accountId: string;
  user: string;
  token: string;
}

export interface WebProcess extends Spawned {
  /** The URL to open, secret fragment included. */
  url: string;
  origin: string;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export const tempDir = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), `roster-e2e-${prefix}-`));

/** `key=value key=value` after the marker word. */
export const parseMarker = (line: string, marker: string): Record<string, string> | null => {
  if (!line.startsWith(`${marker} `)) return null;
  return Object.fromEntries(
    line
      .slice(marker.length + 1)
      .trim()
      .split(/\s+/)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
};

const waitForExit = (proc: ChildProcess, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve(true);
    const t = setTimeout(() => resolve(false), ms);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });

/** Stops the whole process group we started (the host and any child it started), by its id only. */
const stopGroup = async (proc: ChildProcess) => {
  const pid = proc.pid;
  if (!pid || proc.exitCode !== null || proc.signalCode !== null) return;
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  if (!(await waitForExit(proc, 10_000))) {
    kill('SIGKILL');
    await waitForExit(proc, 5_000);
  }
  // The group leader can exit before a child it started has finished writing to the data dir:
  // wait for the whole group, or removing the dir races the child's last writes (ENOTEMPTY).
  for (let i = 0; i < 100 && groupExists(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupExists(pid)) {
    kill('SIGKILL');
    for (let i = 0; i < 50 && groupExists(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
};

const crashGroup = async (proc: ChildProcess) => {
  if (!proc.pid || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await waitForExit(proc, 5_000);
  // The group leader can exit before a child it started: wait for the whole group.
  for (let i = 0; i < 50 && groupExists(proc.pid); i++) await new Promise((r) => setTimeout(r, 100));
};

const groupExists = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

const launch = (cmd: string, args: string[], marker: string, timeoutMs: number) =>
  new Promise<{ proc: ChildProcess; fields: Record<string, string>; log: () => string }>((resolve, reject) => {
    const proc = spawn(cmd, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let err = '';
    let out = '';
    const log = () => err;
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopGroup(proc);
      reject(new Error(`${cmd} ${args.join(' ')}: ${why}\n--- stderr ---\n${err.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`no ${marker} line within ${timeoutMs} ms`), timeoutMs);
    proc.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        const fields = parseMarker(line.trim(), marker);
        if (fields) {
          clearTimeout(timer);
          resolve({ proc, fields, log });
          return;
        }
      }
    });
    proc.once('exit', (code) => fail(`exited with ${code} before printing ${marker}`));
  });

export interface PlatformOptions {
  dataDir?: string;
  port?: number;
  seed?: string;
  extraArgs?: string[];
}

/** `npm run platform`; pass the same dataDir and port to restart a stopped one. */
export const startPlatformProcess = async (o: PlatformOptions = {}): Promise<PlatformProcess> => {
  const dataDir = o.dataDir ?? tempDir('platform');
  const port = o.port ?? (await freePort());
  const args = ['--import', 'tsx', 'platform/main.ts', '--data', dataDir, '--port', String(port), '--seed', o.seed ?? 'example', ...(o.extraArgs ?? [])];
  // The limit guards a hang, not speed: a start (PGlite, the seed) is CPU-bound and took 27 s at load 30.
  const { proc, fields, log } = await launch(process.execPath, args, 'ROSTER_PLATFORM', 120_000);
  const { url, account, user, token } = fields;
  if (!url || !account || !user || !token) throw new Error(`unexpected ROSTER_PLATFORM line: ${JSON.stringify(fields)}`);
  return { proc, dataDir, port, url, accountId: account, user, token, log, stop: () => stopGroup(proc), crash: () => crashGroup(proc) };
};

export interface WebOptions {
  dataDir?: string;
  port?: number;
  /** Talk to this platform instead of starting the embedded one. */
  platform?: Pick<PlatformProcess, 'url' | 'user' | 'token'>;
  /** What a new embedded platform is seeded with (`npm run web -- --seed`); the host's default otherwise. */
  seed?: string;
  /** Through `npm run web`, as a user starts it (the startup bench measures that path). */
  viaNpm?: boolean;
}

/** `npm run web` (the browser host): resolves once it printed ROSTER_WEB url=…. */
export const startWebHost = async (o: WebOptions = {}): Promise<WebProcess> => {
  const dataDir = o.dataDir ?? tempDir('web');
  const port = o.port ?? (await freePort());
  const args = ['--port', String(port), '--data', dataDir];
  // `--token=` form: a token may start with '-', which parseArgs would take for an option.
  if (o.platform) args.push('--platform', o.platform.url, '--user', o.platform.user, `--token=${o.platform.token}`);
  if (o.seed) args.push('--seed', o.seed);
  const { proc, fields, log } = o.viaNpm
    ? await launch('npm', ['run', '-s', 'web', '--', ...args], 'ROSTER_WEB', 120_000)
    : await launch(process.execPath, ['scripts/web.mjs', ...args], 'ROSTER_WEB', 120_000);
  const url = fields.url;
  if (!url) throw new Error(`unexpected ROSTER_WEB line: ${JSON.stringify(fields)}`);
  return { proc, dataDir, port, url, origin: new URL(url).origin, log, stop: () => stopGroup(proc), crash: () => crashGroup(proc) };
};

/** Stops what a spec started and removes its temp data dirs. */
export const stopAll = async (...procs: (Spawned | undefined)[]): Promise<void> => {
  for (const p of procs) await p?.stop();
  for (const p of procs) if (p?.dataDir.startsWith(os.tmpdir())) rmSync(p.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
};

/** Calls main's services through a running browser host, as its page would (secret header). */
export const callHost = async <T = unknown>(web: Pick<WebProcess, 'url' | 'origin'>, channel: string, input?: unknown): Promise<T> => {
  const secret = new URL(web.url).hash.replace(/^#secret=/, '');
  const res = await fetch(`${web.origin}/_roster/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-roster-secret': secret },
    body: JSON.stringify({ channel, input }),
  });
  const env = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!env.ok) throw new Error(`${channel}: ${env.error?.code}: ${env.error?.message}`);
  return env.value as T;
};

// Every call to a platform from a spec goes through one helper, which sends a 503 again after its
// Retry-After (the app's own pull shares the platform's rate limit); lint refuses fetch elsewhere.
export { platformAdmin, platformPost, platformQuery, tokenAuthHeader } from '../../support/platformHttp';
