import { SEED_TIERS, type SeedTier } from '../../platform/seedTiers';

/** What a brand-new embedded platform is seeded with: seed 002 plus one of everything else, so no screen starts empty. */
export const DEFAULT_EMBEDDED_SEED: SeedTier = 'demo';
export { SEED_TIERS, type SeedTier };
