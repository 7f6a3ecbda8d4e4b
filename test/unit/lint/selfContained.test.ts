import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A clone of the repository alone must build, run and pass its tests: nothing may read the
// references kept beside it (../shared: the rules, the design, the vendor's OpenAPI). The vendor's
// spec is the project's own copy in platform/spec/.
const root = path.resolve(__dirname, '../../..');
const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => /\.(ts|tsx|mts|js|mjs|cjs|json)$/.test(f) && f !== 'package-lock.json');

// Paths written for another file than the one holding them: the web bundle's banner runs from out/web/.
const ELSEWHERE = new Set(['scripts/web-bundle.mjs: ../../']);

describe('the repository is self-contained', () => {
  it('no tracked code or config names a path outside the repository, nor the references beside it', () => {
    const outside: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(/['"`](\.\.\/[^'"`\s$]*)['"`]/g)) {
        const target = path.resolve(path.dirname(path.join(root, f)), m[1]!);
        if (path.relative(root, target).startsWith('..') && !ELSEWHERE.has(`${f}: ${m[1]}`)) outside.push(`${f}: ${m[1]}`);
      }
      if (/platform-api|\/work\/shared/.test(text) && !f.endsWith('selfContained.test.ts')) outside.push(`${f}: names the references beside the repository`);
    }
    expect(outside).toEqual([]);
  });

  it("the vendor's full OpenAPI is the project's own copy", () => {
    const spec = JSON.parse(readFileSync(path.join(root, 'platform/spec/boomi-openapi-full.json'), 'utf8')) as { openapi?: string; paths?: object };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths ?? {}).length).toBeGreaterThan(100);
  });
});
