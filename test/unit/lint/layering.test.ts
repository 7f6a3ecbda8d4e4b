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
