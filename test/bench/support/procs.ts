import { spawn, type ChildProcess } from 'node:child_process';
import { parseMarker, ROOT } from '../../e2e/support/host';

/**
 * Child processes for browser benches: `npm run platform` / `npm run web` in their own process
 * group, found by their marker line. Unlike the e2e helper the wait is long: seeding the large
 * tier takes minutes on a busy machine.
 */
export interface Child {
  fields: Record<string, string>;
  stop(): Promise<void>;
}

const exited = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;

const waitExit = (p: ChildProcess, ms: number) =>
  new Promise<void>((resolve) => {
    if (exited(p)) return resolve();
    const t = setTimeout(resolve, ms);
    p.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });

/** Stops the group we started, by its own id only. */
const stopGroup = async (p: ChildProcess) => {
  if (!p.pid || exited(p)) return;
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-p.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  await waitExit(p, 10_000);
  if (!exited(p)) kill('SIGKILL');
  await waitExit(p, 5_000);
};

export const startNpm = (script: string, args: string[], marker: string, timeoutMs: number): Promise<Child> =>
  new Promise((resolve, reject) => {
    const proc = spawn('npm', ['run', '-s', script, '--', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    let err = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopGroup(proc);
      reject(new Error(`npm run ${script}: ${why}\n${err.slice(-3000)}`));
    };
    const timer = setTimeout(() => fail(`no ${marker} line within ${timeoutMs} ms`), timeoutMs);
    proc.stderr!.on('data', (d: Buffer) => void (err = (err + d.toString()).slice(-10_000)));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        const fields = parseMarker(line.trim(), marker);
        if (!fields) continue;
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        resolve({ fields, stop: () => stopGroup(proc) });
        return;
      }
    });
    proc.once('exit', (code) => fail(`exited with ${code} before printing ${marker}`));
  });
