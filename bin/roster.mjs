#!/usr/bin/env node
// The `roster` package bin (and `npm run roster`): runs the bundled CLI (plain JavaScript, see
// scripts/cli-bundle.mjs), re-bundling it first when cli/ or shared/ changed; falls back to
// running cli/main.ts through tsx when the bundle cannot be made.
import { pathToFileURL } from 'node:url';
import { ensureCliBundle } from '../scripts/cli-bundle.mjs';

const bundle = await ensureCliBundle();
let main;
if (bundle) ({ main } = await import(pathToFileURL(bundle).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
