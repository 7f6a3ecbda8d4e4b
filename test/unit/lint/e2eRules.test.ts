import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints code as if it were the file `rel`, with the repository's own eslint.config.js. */
const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });
const lint = async (rel: string, code: string) =>
  (await eslint.lintText(code, { filePath: path.join(root, rel) }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`);

describe('E2E lint: specs wait on conditions and reach a platform only through support/', { timeout: 60_000 }, () => {
  it('refuses a raw fetch in a spec (global or globalThis), naming the helpers', async () => {
    const plain = await lint('test/e2e/x.spec.ts', "export const f = () => fetch('http://127.0.0.1:1/api/rest/v1/a/AccountGroup/query');\n");
    expect(plain).toEqual([expect.stringMatching(/^no-restricted-globals: .*platformPost, platformQuery, platformAdmin.*Retry-After/)]);
    const viaGlobal = await lint('test/e2e/x.spec.ts', "export const f = () => globalThis.fetch('http://127.0.0.1:1/');\n");
    expect(viaGlobal).toEqual([expect.stringMatching(/^no-restricted-properties: .*platformPost/)]);
  });

  it('lets support/ hold the one fetch, and still refuses fixed sleeps everywhere under test/e2e', async () => {
    expect(await lint('test/e2e/support/x.ts', "export const f = () => fetch('http://127.0.0.1:1/');\n")).toEqual([]);
    const sleep = "export const f = (page: { waitForTimeout(ms: number): Promise<void> }) => page.waitForTimeout(100);\n";
    expect(await lint('test/e2e/x.spec.ts', sleep)).toEqual([expect.stringMatching(/never a fixed sleep/)]);
    expect(await lint('test/e2e/support/x.ts', sleep)).toEqual([expect.stringMatching(/never a fixed sleep/)]);
  });
});
