export * from './errors';
export * from './client';
export { authorization } from './http';
