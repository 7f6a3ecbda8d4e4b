import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanFileOp } from '../../../shared/plans';
import { demoSnapshot } from '../../../shared/seeds/demo';
import { ROOT, rosterInProcess, scratchDir } from './spawn';

const { file } = scratchDir('roster-readme-plan-');

/** README's plan file example, as a reader copies it. */
const readmePlan = (): string => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /```json\n(\{"plan": \[[\s\S]*?\]\})\n```/.exec(readme);
  if (!m) throw new Error('README.md has no plan file example');
  return m[1]!;
};

describe("README's plan file example", () => {
  it('shows every op kind of the plan-file format and passes whatif against the demo seed npm start runs, nothing refused', async () => {
    const plan = readmePlan();
    const kinds = (JSON.parse(plan) as { plan: { op: string }[] }).plan.map((o) => o.op);
    expect([...new Set(kinds)].sort()).toEqual(PlanFileOp.options.map((o) => o.shape.op.value).sort());
    const r = await rosterInProcess('whatif', '--snapshot', file('demo.json', JSON.stringify(demoSnapshot())), '--plan', file('plan.json', plan));
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(r.out).refused).toEqual([]);
  });
});
