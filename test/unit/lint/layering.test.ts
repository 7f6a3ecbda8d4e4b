import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import layering from '../../../eslint-rules/layering.js';

/** Lints one line as if it were the file `rel` of the repository, with only the layering rule on. */
const lint = (rel: string, code: string) => {
  const root = path.resolve(__dirname, '../../..');
  const linter = new Linter({ cwd: root, configType: 'flat' });
  return linter
    .verify(code, [{ files: ['**/*.ts', '**/*.tsx'], plugins: { roster: { rules: { layering } } }, rules: { 'roster/layering': 'error' } }], path.join(root, rel))
    .map((m) => m.message);
};

describe('layering: renderer features stay apart', () => {
  it('refuses a feature importing another feature', () => {
    const msgs = lint('renderer/src/features/resources/X.ts', "import { a } from '../groups/selection';");
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/features\/resources may not import features\/groups/);
  });
  it('refuses components/ or domain/ importing a feature', () => {
    expect(lint('renderer/src/components/X.ts', "import { a } from '../features/groups/GroupsArea';")[0]).toMatch(/only renderer\/src\/app/);
    expect(lint('renderer/src/domain/X.ts', "export { a } from '../features/sync/SyncArea';")[0]).toMatch(/only renderer\/src\/app/);
  });
  it('allows a feature its own files, components and domain, and app composing features', () => {
    expect(lint('renderer/src/features/groups/X.ts', "import { a } from './GroupList'; import { b } from '../../components/VirtualList'; import { c } from '../../domain/selection';")).toEqual([]);
    expect(lint('renderer/src/app/AreaView.tsx', "const g = import('../features/groups/GroupsArea');")).toEqual([]);
  });
  it('still refuses the layers DESIGN.md forbids', () => {
    expect(lint('shared/x.ts', "import { a } from '../renderer/src/app/db';")[0]).toMatch(/shared\/ may not import renderer\//);
  });
});

describe('layering: the folders inside shared/ are layers too', () => {
  it('refuses a shared folder importing a higher one, naming both', () => {
    const up = lint('shared/api/client.ts', "import { X } from '../ipc';");
    expect(up).toHaveLength(1);
    expect(up[0]).toMatch(/shared\/api may not import shared\/ipc/);
    expect(lint('shared/access/x.ts', "import { applyOps } from '../plans/apply';")[0]).toMatch(/shared\/access may not import shared\/plans/);
    expect(lint('shared/model/x.ts', "export * from '../seeds/prng';")[0]).toMatch(/shared\/model may not import shared\/seeds/);
  });
  it('allows a shared folder itself and the layers below it', () => {
    expect(lint('shared/plans/x.ts', "import { a } from '../access/state'; import { b } from '../model'; import { c } from './apply';")).toEqual([]);
    expect(lint('shared/ipc.ts', "import { a } from './sync/types'; import { b } from './plans/types';")).toEqual([]);
    expect(lint('shared/sync/x.ts', "import { a } from '../seeds/prng'; import { b } from '../api/client';")).toEqual([]);
  });
});
