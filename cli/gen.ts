// `npm run --silent gen -- --tier large --seed 1 > snap.json`: a scale-tier snapshot (DESIGN.md).
import { parseArgs } from 'node:util';
import { generateSnapshot, TIER_NAMES, type Tier } from '../shared/seeds/generate';
import { OBJECT_TYPES } from '../shared/model';

const USAGE = `usage: npm run --silent gen -- [--tier ${TIER_NAMES.join('|')}] [--seed N] > snapshot.json`;

const fail = (msg: string): never => {
  process.stderr.write(`roster gen: ${msg}\n`);
  process.exit(2);
};

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

// A typo'd flag or a stray word is refused, not ignored: a snapshot of the wrong tier is no help.
let flags: { tier?: string; seed?: string } = {};
try {
  flags = parseArgs({ args: process.argv.slice(2), options: { tier: { type: 'string' }, seed: { type: 'string' } }, strict: true, allowPositionals: false }).values;
} catch (e) {
  fail(`${(e as Error).message.split('\n')[0]}; ${USAGE}`);
}

const tier = (flags.tier ?? 'example') as Tier;
if (!TIER_NAMES.includes(tier)) fail(`--tier must be one of ${TIER_NAMES.join(', ')}`);
const seedText = flags.seed ?? '1';
const seed = Number(seedText);
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${seedText}"`);

const snapshot = generateSnapshot(tier, seed) as unknown as Record<string, unknown[]>;

// Written in chunks, waiting for each to drain: the huge tier is ~150 MB of JSON, too much for
// one string, and a pipe takes only so much at a time.
const write = (chunk: string): Promise<void> =>
  new Promise((resolve, reject) => process.stdout.write(chunk, (e) => (e ? reject(e) : resolve())));

const main = async (): Promise<void> => {
  let buf = '{';
  for (const [ti, type] of OBJECT_TYPES.entries()) {
    buf += `${ti ? ',' : ''}\n${JSON.stringify(type)}:[`;
    const records = snapshot[type] ?? [];
    for (let i = 0; i < records.length; i++) {
      buf += (i ? ',\n' : '\n') + JSON.stringify(records[i]);
      if (buf.length > 1 << 20) {
        await write(buf);
        buf = '';
      }
    }
    buf += ']';
  }
  await write(`${buf}\n}\n`);
};

main().catch((e: Error) => fail(e.message));
