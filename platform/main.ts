// `npm run platform -- --data DIR --port N --seed example|partner|large|huge --admin-user EMAIL
//   --admin-token TOKEN [--rate N] [--faults SPEC] [--host H] [--profile roster|vendor]`  serves the reference platform;
// `npm run platform -- token create|revoke --data DIR --user EMAIL [--token T]` and
// `npm run platform -- password set --data DIR --user EMAIL --password P` manage credentials
// of a platform that is not running (use the admin endpoint of a running one). See README.md.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createToken, revokeToken, setPassword } from './credentials';
import { openDatabase } from './db/open';
import { lockDir } from './dirLock';
import { PLATFORM_LOCK, startPlatform } from './index';
import { SEED_TIERS, type SeedTier } from './setup';

const argv = process.argv.slice(2);
const fail = (msg: string): never => {
  process.stderr.write(`platform: ${msg}\n`);
  process.exit(2);
};
const flag = (name: string): string | undefined => {
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`--${name} needs a value`);
  return v;
};
const dataDir = path.resolve(flag('data') ?? '.roster-data/platform');
const credentials = async (cmd: string, sub: string) => {
  const user = flag('user') ?? fail(`${cmd} ${sub} needs --user EMAIL`);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) fail(`${dataDir} holds no platform database`);
  let unlock = () => {};
  try {
    unlock = lockDir(dataDir, PLATFORM_LOCK, (pid) => `the platform (pid ${pid}) is using ${dataDir}; use its admin endpoint (POST /admin/tokens) or stop it first`);
  } catch (e) {
    fail((e as Error).message);
  }
  const { db } = await openDatabase(dataDir);
  try {
    if (cmd === 'token' && sub === 'create') process.stdout.write(`${await createToken(db, user, flag('token'))}\n`);
    else if (cmd === 'token' && sub === 'revoke') process.stdout.write(`revoked ${await revokeToken(db, user, flag('token'))} token(s) of ${user}\n`);
    else if (cmd === 'password' && sub === 'set') await setPassword(db, user, flag('password') ?? fail('password set needs --password'));
    else fail(`unknown command "${cmd} ${sub}"; expected token create|revoke or password set`);
  } catch (e) {
    fail((e as Error).message);
  } finally {
    await db.close();
    unlock();
  }
};

const serveCommand = async () => {
  const seed = (flag('seed') ?? 'example') as SeedTier;
  if (!SEED_TIERS.includes(seed)) fail(`--seed must be one of ${SEED_TIERS.join(', ')}`);
  const port = Number(flag('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number (0 = any free port)');
  const rateText = flag('rate');
  const rate = rateText === undefined ? undefined : Number(rateText);
  if (rate !== undefined && !(rate === 0 || (Number.isFinite(rate) && rate >= 1))) fail('--rate must be 0 (off) or at least 1 request per second');
  const adminToken = flag('admin-token');
  if (adminToken !== undefined && adminToken.length < 8) fail('--admin-token must have at least 8 characters');
  const profile = flag('profile') ?? 'roster';
  if (profile !== 'roster' && profile !== 'vendor') return fail('--profile must be roster (the vendor API plus extensions) or vendor (exactly the vendor API)');
  const p = await startPlatform({
    dataDir, port, seed, host: flag('host'), adminUser: flag('admin-user'), adminToken, rate, faults: flag('faults'), profile,
  }).catch((e: Error) => fail(e.message));
  process.stdout.write(`ROSTER_PLATFORM url=${p.url} account=${p.accountId} user=${p.user} token=${p.token}\n`);
  const stop = () => {
    void p.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

const [cmd, sub] = argv;
if (cmd === 'token' || cmd === 'password') await credentials(cmd, sub ?? '');
else if (cmd && !cmd.startsWith('--')) fail(`unknown command "${cmd}"`);
else await serveCommand();
