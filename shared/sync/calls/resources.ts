import type { ResourceObjectType } from '../../model';
import type { Call } from '../types';

type Ref = { objectType: ResourceObjectType; resourceId: string; resourceName?: string };
type Res = { '@type'?: string; objectType?: string; resourceId: string; resourceName: string };
type Group = Record<string, unknown> & { Resources?: { Resource?: Res[] } };

const same = (a: { objectType?: string; resourceId: string }, b: Ref): boolean =>
  a.resourceId === b.resourceId && (a.objectType === undefined || a.objectType === b.objectType);

const listOf = (g: Group | undefined): Res[] => g?.Resources?.Resource ?? [];

const merged = (list: Res[], refs: Ref[], mode: 'share' | 'unshare'): Res[] =>
  mode === 'unshare'
    ? list.filter((r) => !refs.some((x) => same(r, x)))
    : [
        ...list,
        ...refs
          .filter((x) => !list.some((r) => same(r, x)))
          .map((x) => ({ '@type': 'Resource', objectType: x.objectType, resourceId: x.resourceId, resourceName: x.resourceName ?? x.resourceId })),
      ];

const holdsOn = (g: Group | undefined, refs: Ref[], mode: 'share' | 'unshare'): boolean =>
  refs.every((x) => listOf(g).some((r) => same(r, x)) === (mode === 'share'));

/**
 * group.shareResources / unshareResources: the vendor shares resources by UPDATE of the
 * AccountGroup with its Resources list (returned by GET only), so this is a GET then an UPDATE
 * with the list merged. Key: the group's resources, so two such edits never interleave here.
 * R20's lockout warning is the rules engine's job before the op is queued.
 */
export const resourcesCall = (groupId: string, refs: Ref[], mode: 'share' | 'unshare'): Call => ({
  key: `RES|${groupId}`,
  label: `${mode} ${refs.length} resource(s) with group ${groupId}`,
  ...(groupId.startsWith('new:') ? { needs: groupId } : {}),
  async send(ctx) {
    const id = await ctx.resolve.group(groupId);
    const g = (await ctx.api.get('AccountGroup', id)) as Group;
    const Resource = merged(listOf(g), refs, mode);
    await ctx.api.update('AccountGroup', id, { ...g, '@type': 'AccountGroup', id, Resources: { '@type': 'Resources', Resource } });
  },
  async check(ctx) {
    const id = await ctx.resolve.group(groupId);
    return holdsOn((await ctx.api.get('AccountGroup', id)) as Group, refs, mode);
  },
  holds: (w) => holdsOn(w.group(groupId) as Group | undefined, refs, mode),
  apply(w) {
    const g = w.group(groupId) as Group | undefined;
    if (!g) return;
    const Resource = merged(listOf(g), refs, mode);
    w.update('AccountGroup', g.id as string, (r) => ({ ...r, Resources: { '@type': 'Resources', Resource } }));
  },
});
