// `npm run --silent gen -- --tier large --seed 1 > snap.json`: a scale-tier snapshot (DESIGN.md).
import { generateSnapshot, TIER_NAMES, type Tier } from '../shared/seeds/generate';
import { OBJECT_TYPES } from '../shared/model';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const fail = (msg: string): never => {
  process.stderr.write(`roster gen: ${msg}\n`);
  process.exit(2);
};

const tier = (arg('tier') ?? 'example') as Tier;
if (!TIER_NAMES.includes(tier)) fail(`--tier must be one of ${TIER_NAMES.join(', ')}`);
const seedText = arg('seed') ?? '1';
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
