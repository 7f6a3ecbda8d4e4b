// `npm run platform -- --data DIR --port N --seed example|partner|large|huge --admin-user EMAIL
//   --admin-token TOKEN [--rate N] [--faults SPEC] [--host H] [--profile roster|vendor]`  serves the reference platform;
// `npm run platform -- token create|revoke --data DIR --user EMAIL [--token T]` and
// `npm run platform -- password set --data DIR --user EMAIL --password P` manage credentials
// of a platform that is not running (use the admin endpoint of a running one). See README.md.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createToken, revokeToken, setPassword } from './credentials';
import { openDatabase } from './db/open';
import { lockDir } from './dirLock';
import { PLATFORM_LOCK, startPlatform } from './index';
import { SEED_TIERS, type SeedTier } from './setup';

const USAGE = `usage: npm run platform -- [--data DIR] [--port N] [--seed ${SEED_TIERS.join('|')}] [--admin-user EMAIL] [--admin-token TOKEN] [--rate N] [--faults SPEC] [--host H] [--profile roster|vendor]
       npm run platform -- token create|revoke --data DIR --user EMAIL [--token T]
       npm run platform -- password set --data DIR --user EMAIL --password P`;

const fail = (msg: string): never => {
  process.stderr.write(`platform: ${msg}\n`);
  process.exit(2);
};

const SERVE_FLAGS = ['data', 'port', 'seed', 'admin-user', 'admin-token', 'rate', 'faults', 'host', 'profile'] as const;
const CREDENTIAL_FLAGS = ['data', 'user', 'token', 'password'] as const;

/**
 * Every flag takes a value, so `--rate -1` means the value -1: parseArgs would call it "ambiguous"
 * and never say what a rate must be. Such a pair becomes `--rate=-1` and meets the flag's own
 * check. A flag followed by another flag, or by nothing, is missing its value and is told so.
 */
const joinDashValues = (args: string[], known: readonly string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (!a.startsWith('--') || !known.includes(a.slice(2))) {
      out.push(a);
      continue;
    }
    if (next === undefined || next.startsWith('--')) fail(`${a} needs a value (npm run platform -- --help lists the flags)`);
    out.push(`${a}=${next}`);
    i++;
  }
  return out;
};

/**
 * `--name value` (or `--name=value`) for the flags a command knows; an unknown flag, a flag without
 * its value or a stray argument is refused before anything is opened, so a typo never starts a
 * platform on defaults the admin did not mean.
 */
const readFlags = (args: string[], known: readonly string[]): Record<string, string | undefined> => {
  try {
    const { values } = parseArgs({
      args: joinDashValues(args, known),
      options: Object.fromEntries(known.map((k) => [k, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Record<string, string | undefined>;
  } catch (e) {
    return fail(`${(e as Error).message.split('\n')[0]} (npm run platform -- --help lists the flags)`);
  }
};

const credentials = async (cmd: string, sub: string, args: string[]) => {
  const flags = readFlags(args, CREDENTIAL_FLAGS);
  const dataDir = path.resolve(flags.data ?? '.roster-data/platform');
  const user = flags.user ?? fail(`${cmd} ${sub} needs --user EMAIL`);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) fail(`${dataDir} holds no platform database`);
  let unlock = () => {};
  try {
    unlock = lockDir(dataDir, PLATFORM_LOCK, (pid) => `the platform (pid ${pid}) is using ${dataDir}; use its admin endpoint (POST /admin/tokens) or stop it first`);
  } catch (e) {
    fail((e as Error).message);
  }
  const { db } = await openDatabase(dataDir);
  try {
    if (cmd === 'token' && sub === 'create') process.stdout.write(`${await createToken(db, user, flags.token)}\n`);
    else if (cmd === 'token' && sub === 'revoke') process.stdout.write(`revoked ${await revokeToken(db, user, flags.token)} token(s) of ${user}\n`);
    else if (cmd === 'password' && sub === 'set') await setPassword(db, user, flags.password ?? fail('password set needs --password'));
    else fail(`unknown command "${cmd} ${sub}"; expected token create|revoke or password set`);
  } catch (e) {
    fail((e as Error).message);
  } finally {
    await db.close();
    unlock();
  }
};

const serveCommand = async (args: string[]) => {
  const flags = readFlags(args, SERVE_FLAGS);
  const dataDir = path.resolve(flags.data ?? '.roster-data/platform');
  const seed = (flags.seed ?? 'example') as SeedTier;
  if (!SEED_TIERS.includes(seed)) fail(`--seed must be one of ${SEED_TIERS.join(', ')}`);
  const port = Number(flags.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number (0 = any free port)');
  const rate = flags.rate === undefined ? undefined : Number(flags.rate);
  if (rate !== undefined && !(rate === 0 || (Number.isFinite(rate) && rate >= 1))) fail('--rate must be 0 (off) or at least 1 request per second');
  const adminToken = flags['admin-token'];
  if (adminToken !== undefined && adminToken.length < 8) fail('--admin-token must have at least 8 characters');
  const profile = flags.profile ?? 'roster';
  if (profile !== 'roster' && profile !== 'vendor') return fail('--profile must be roster (the vendor API plus extensions) or vendor (exactly the vendor API)');
  const p = await startPlatform({
    dataDir, port, seed, host: flags.host, adminUser: flags['admin-user'], adminToken, rate, faults: flags.faults, profile,
  }).catch((e: Error) => fail(e.message));
  process.stdout.write(`ROSTER_PLATFORM url=${p.url} account=${p.accountId} user=${p.user} token=${p.token}\n`);
  const stop = () => {
    void p.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

const argv = process.argv.slice(2);
const [cmd, sub] = argv;
if (argv.includes('--help') || argv.includes('-h')) process.stdout.write(`${USAGE}\n`);
else if (cmd === 'token' || cmd === 'password') await credentials(cmd, sub ?? '', argv.slice(2));
else if (cmd && !cmd.startsWith('-')) fail(`unknown command "${cmd}" (npm run platform -- --help lists the commands)`);
else await serveCommand(argv);
