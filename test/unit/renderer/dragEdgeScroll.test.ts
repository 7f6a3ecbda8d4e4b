import { describe, expect, it } from 'vitest';
import { EDGE, MAX_STEP, edgeScrollStep } from '../../../renderer/src/components/dragEdgeScroll';

const box = { top: 100, bottom: 700, left: 0, right: 300 };

describe('drag auto-scroll near a list edge', () => {
  it('scrolls up near the top and down near the bottom, faster closer to the edge', () => {
    expect(edgeScrollStep(150, 100 + EDGE - 1, box)).toBeLessThan(0);
    expect(edgeScrollStep(150, 700 - EDGE + 1, box)).toBeGreaterThan(0);
    expect(Math.abs(edgeScrollStep(150, 102, box))).toBeGreaterThan(Math.abs(edgeScrollStep(150, 140, box)));
    expect(edgeScrollStep(150, 700, box)).toBe(MAX_STEP);
  });

  it('keeps full speed just past the edge, and stops inside the list, beside it or far outside', () => {
    expect(edgeScrollStep(150, 690 + EDGE, box)).toBe(MAX_STEP);
    expect(edgeScrollStep(150, 90, box)).toBe(-MAX_STEP);
    expect(edgeScrollStep(150, 400, box)).toBe(0);
    expect(edgeScrollStep(400, 690, box)).toBe(0);
    expect(edgeScrollStep(150, 700 + EDGE + 1, box)).toBe(0);
  });

  it('a short list keeps a middle where nothing scrolls', () => {
    const short = { top: 0, bottom: 90, left: 0, right: 100 };
    expect(edgeScrollStep(50, 45, short)).toBe(0);
    expect(edgeScrollStep(50, 5, short)).toBeLessThan(0);
  });
});
