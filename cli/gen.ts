// `npm run --silent gen -- --tier large --seed 1 > snap.json`: a scale-tier snapshot (DESIGN.md).
import { generateSnapshot, TIER_NAMES, type Tier } from '../shared/seeds/generate';
import { OBJECT_TYPES } from '../shared/model';
import { writeSync } from 'node:fs';

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

// Written in chunks: the huge tier is ~150 MB of JSON, too much for one string comfortably.
let buf = '{';
const flush = (force = false) => {
  if (force || buf.length > 1 << 20) {
    writeSync(1, buf);
    buf = '';
  }
};
OBJECT_TYPES.forEach((type, ti) => {
  buf += `${ti ? ',' : ''}\n${JSON.stringify(type)}:[`;
  (snapshot[type] ?? []).forEach((rec, i) => {
    buf += (i ? ',\n' : '\n') + JSON.stringify(rec);
    flush();
  });
  buf += ']';
});
buf += '\n}\n';
flush(true);
