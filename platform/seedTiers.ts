// The seed names alone (no seeds, no database): the browser host checks --seed with them before
// it loads anything heavy.
export type SeedTier = 'demo' | 'example' | 'example-bare' | 'single' | 'partner' | 'large' | 'huge';
export const SEED_TIERS: readonly SeedTier[] = ['demo', 'example', 'example-bare', 'single', 'partner', 'large', 'huge'];
