/**
 * What Apply needs from the diff: a full WhatIf (the CLI, tests) lists every lock-out, the
 * preview's summary counts them, so both shapes are read.
 */
export interface DiffGate {
  lockedOut: number | readonly { userId: string }[];
  refused: readonly unknown[];
}
export const lockoutCount = (d: DiffGate): number => (typeof d.lockedOut === 'number' ? d.lockedOut : d.lockedOut.length);
