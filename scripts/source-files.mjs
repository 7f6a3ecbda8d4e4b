// A build plugin for main's bundle (electron.vite.config.ts): a data file a module finds beside
// its source, `new URL('../spec/boomi-openapi-full.json', import.meta.url)`, goes into the build
// as an asset, and the URL is rewritten to the asset's place beside the bundle. Bundled as they
// were, such URLs pointed outside out/main (to out/spec/…, which nothing wrote), so the build and
// the packaged app (out/main/** in the asar) lacked the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A relative file URL made from the module's own location, in single or double quotes. */
const BESIDE = /new URL\((['"])(\.{1,2}\/[^'"]+)\1,\s*import\.meta\.url\)/g;
/** Code is bundled, never copied as data. */
const CODE = /\.[cm]?[jt]sx?$/;

export const sourceFiles = () => ({
  name: 'roster-source-files',
  transform(code, id) {
    if (id.includes('node_modules') || !CODE.test(id) || !code.includes('import.meta.url')) return null;
    let changed = false;
    const out = code.replace(BESIDE, (whole, _quote, rel) => {
      const file = path.resolve(path.dirname(id), rel);
      if (CODE.test(file)) return whole;
      if (!existsSync(file) || !statSync(file).isFile()) this.error(`${path.basename(id)} refers to ${rel}, which does not exist (${file})`);
      const ref = this.emitFile({ type: 'asset', name: path.basename(file), source: readFileSync(file) });
      changed = true;
      return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
    });
    return changed ? { code: out, map: null } : null;
  },
  // Relative to the chunk that refers to it, as Node resolves it at run time (Vite's own default
  // is the web page's base, "/…", which is no file URL in Node).
  resolveFileUrl: {
    order: 'pre',
    handler: ({ relativePath }) => `new URL(${JSON.stringify(relativePath.startsWith('.') ? relativePath : `./${relativePath}`)}, import.meta.url).href`,
  },
});
