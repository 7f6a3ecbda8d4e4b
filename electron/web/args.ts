import path from 'node:path';
import { parseArgs } from 'node:util';
import { cleartextRefusal } from '../../shared/api/cleartext';
import { DEFAULT_EMBEDDED_SEED, SEED_TIERS, type SeedTier } from '../main/embeddedSeed';

export interface WebArgs {
  port: number;
  dataDir: string;
  rendererDir: string;
  /** What a new embedded platform is seeded with (`demo` unless `--seed`). */
  seed: SeedTier;
  remote?: { url: string; user: string; token: string };
}

export const USAGE = 'usage: npm run web -- [--port N] [--data DIR] [--platform URL --user U --token T (or ROSTER_TOKEN)] [--account ID] [--seed demo|example|example-bare|single|partner|large|huge]';

/** Command line of the browser host; throws a one-line usage error on bad input. */
export const parseWebArgs = (argv: string[], env: Record<string, string | undefined>, root: string): WebArgs => {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5170' },
      data: { type: 'string' },
      platform: { type: 'string' },
      account: { type: 'string' },
      user: { type: 'string' },
      token: { type: 'string' },
      renderer: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (0-65535). ${USAGE}`);
  const seed = (v.seed ?? DEFAULT_EMBEDDED_SEED) as SeedTier;
  if (!SEED_TIERS.includes(seed)) throw new Error(`--seed must be one of ${SEED_TIERS.join(', ')}. ${USAGE}`);
  if (v.seed && v.platform) throw new Error(`--seed is for the embedded platform only, not with --platform. ${USAGE}`);
  const args: WebArgs = {
    port,
    seed,
    dataDir: path.resolve(v.data ?? path.join(root, '.roster-data', 'web')),
    rendererDir: path.resolve(v.renderer ?? path.join(root, 'out', 'renderer')),
  };
  if (v.platform) {
    const token = v.token ?? env.ROSTER_TOKEN;
    if (!v.user || !token) throw new Error(`--platform needs --user and --token (or ROSTER_TOKEN). ${USAGE}`);
    const clear = cleartextRefusal(v.platform);
    if (clear) throw new Error(`--platform: ${clear}`);
    const base = v.platform.replace(/\/+$/, '');
    const url = /\/api\/rest\/v1\/[^/]+$/.test(base) || !v.account ? base : `${base}/api/rest/v1/${encodeURIComponent(v.account)}`;
    // Refused here, before the port opens: a host that serves the page only to say "offline" helps nobody.
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol) || !/\/api\/rest\/v1\/[^/]+$/.test(url)) {
      throw new Error(`--platform must be the API URL, https://…/api/rest/v1/<accountId> (or the host with --account ID); got ${v.platform}. ${USAGE}`);
    }
    args.remote = { url, user: v.user, token };
  } else if (v.user || v.token || v.account) {
    throw new Error(`--user, --token and --account only go with --platform. ${USAGE}`);
  }
  return args;
};
