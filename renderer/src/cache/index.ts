export * from './db';
export * from './keys';
export * from './writes';
export * from './outbox';
export * from './snapshot';
export * from './groupCounts';
export * from './groupAccounts';
export * from './facts';
