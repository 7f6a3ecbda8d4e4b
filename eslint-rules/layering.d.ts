import type { Rule } from 'eslint';

/** The layering rule (layering.js): which layers and renderer features may import which. */
declare const layering: Rule.RuleModule;
export default layering;
export declare const ALLOWED: Record<string, string[]>;
