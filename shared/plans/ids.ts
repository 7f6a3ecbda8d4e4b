/**
 * A group created earlier in the same plan is referred to by the provisional id `new:<name>`
 * until the platform has assigned its real id (the engine learns it when the create lands).
 */
export const provisionalGroupId = (name: string): string => `new:${name}`;
export const isProvisionalId = (id: string): boolean => id.startsWith('new:');
export const provisionalName = (id: string): string => id.slice('new:'.length);
