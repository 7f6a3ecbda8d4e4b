import { accountIdOf, apiBase, cleartextRefusal, createPlatformClient, isApiError } from '../../shared/api';
import type { ObjectType } from '../../shared/model';
import { realClock, seededRandom } from '../../shared/sync/clock';
import { exportSnapshot } from '../../shared/sync/pull';
import { PlatformPacer } from '../../shared/sync/pacer';
import type { Command } from '../main';
import { CliError, readFlags, type CliArgs } from '../io';

export interface Connected {
  api: ReturnType<typeof createPlatformClient>;
  accountId: string;
  /** Requests sent so far (retries included). */
  calls(): number;
}

const positive = (flag: string, v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`--${flag} must be a positive number, got "${v}"`);
  return n;
};

/** The platform client over a transport paced at the platform's rate limit (`--rate`, default 10/s). */
export const connect = (f: { platform: string; user: string; token: string; rate?: string }): Connected => {
  const clear = cleartextRefusal(f.platform);
  if (clear) throw new CliError(`--platform: ${clear}`);
  let baseUrl: string;
  try {
    baseUrl = apiBase(f.platform);
    if (!URL.canParse(baseUrl)) throw new Error('not a URL');
  } catch {
    throw new CliError(`--platform must be the API URL, https://…/api/rest/v1/<accountId> (got ${f.platform})`);
  }
  const accountId = accountIdOf(baseUrl)!;
  const rate = positive('rate', f.rate, 10);
  let calls = 0;
  // The same pacing as main: the platform's limit, and a 503's Retry-After stops every sender.
  const pacer = new PlatformPacer(
    (url, init) => {
      calls++;
      return globalThis.fetch(url, init);
    },
    { clock: realClock, random: seededRandom(Date.now()), fallbackRate: rate, retries: 6 },
  );
  const api = createPlatformClient({ baseUrl, user: f.user, token: f.token, fetch: pacer.fetch, timeoutMs: 30_000 });
  return { api, accountId, calls: () => calls };
};

/** Reading the platform failed before anything changed: bad URL, credentials or an unreachable host. */
export const platformInputError = (e: unknown): CliError | null =>
  isApiError(e) ? new CliError(`cannot read the platform: ${e.message}`) : null;

/** Types a platform refuses to list for this account (403/405): skipped with a note, like absent ones. */
const optional = (t: ObjectType, e: unknown): boolean => {
  // The account itself is never optional: without it the snapshot would be empty, not partial.
  if (t === 'Account' || !isApiError(e) || ![403, 405].includes(e.status)) return false;
  process.stderr.write(`roster export: ${t} skipped (${e.message})\n`);
  return true;
};

export const exportCommand: Command = {
  usage: '--platform URL --user U --token T [--rate N] > snapshot.json',
  async run(args: CliArgs) {
    const f = readFlags(args, ['platform', 'user', 'token'], ['rate']);
    const { api, accountId } = connect(f);
    try {
      const { snapshot, quarantined, skipped } = await exportSnapshot(api, { skip: optional, primaryId: accountId });
      // 410 is the vendor's answer for an endpoint it lacks: those types are absent, not an error.
      if (skipped.length) {
        process.stderr.write(`roster export: skipped ${skipped.map((s) => s.type).join(', ')}: this platform's API does not offer them\n`);
      }
      if (!snapshot.Account.some((a) => a.accountId === accountId)) {
        throw new CliError(`cannot read account ${accountId} as ${f.user}: the platform returned no record of it`);
      }
      if (quarantined.length) process.stderr.write(`roster export: ${quarantined.length} invalid record(s) left out (quarantined)\n`);
      process.stdout.write(`${JSON.stringify(snapshot)}\n`);
      return undefined;
    } catch (e) {
      throw platformInputError(e) ?? e;
    }
  },
};
