import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('property tests are repeatable', () => {
  it('fast-check runs from a fixed seed in every file (test/setup/fastCheck.ts)', () => {
    expect(fc.readConfigureGlobal().seed).toBeTypeOf('number');
    expect(fc.sample(fc.integer(), 5)).toEqual(fc.sample(fc.integer(), 5));
  });
});
