/**
 * What Apply needs from the diff: a full WhatIf (the CLI, tests) or the preview's summary with
 * counts, so both shapes are read.
 */
export interface DiffGate {
  lockedOut: number | readonly { userId: string }[];
  lockedOutShown?: readonly { userId: string }[];
  refused: readonly unknown[];
}
export const lockoutCount = (d: DiffGate): number => (typeof d.lockedOut === 'number' ? d.lockedOut : d.lockedOut.length);
