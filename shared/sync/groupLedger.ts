import { equalsAll, queryAll } from '../api/sync';
import type { Clock } from './clock';
import type { CallContext, GroupCreates, GroupSeen } from '../plans/call';

interface CreateSend {
  base: ReadonlySet<string>;
  doubt: boolean;
}

export type { GroupSeen };

/** A listing older than this is refreshed before the next create goes out (one QUERY per page). */
const MAX_AGE_MS = 60_000;

/**
 * The groups of the primary account this engine has seen, so a create whose outcome is unknown
 * can tell "never landed" from "landed, then someone renamed it before our check by name".
 *
 * A group's only natural key is its name and the vendor API has no idempotency token, so a
 * check by name alone recreates a group another admin renamed in that window (fuzz seed 156).
 * Each create remembers the listing taken before it was sent (shared by every create and
 * refreshed when stale, so a plan of 1,000 creates pays one listing, not 1,000); on
 * an unknown outcome with no group of its name, groups that appeared since that listing — and
 * are not explained by our own creates — may be ours renamed: a conflict, never a resend.
 *
 * One ledger may outlive an engine (EngineOptions.groups), so a create left in flight by a
 * cancel or pause keeps its record for the next engine. Not across a crash of the process: a
 * create resumed after a restart is checked by name alone (the residual window: a crash between
 * the send and its answer, and another admin's rename before the restart's check).
 */
export class GroupLedger implements GroupCreates {
  private listing: { ids: ReadonlySet<string>; at: number } | undefined;
  private loading: Promise<ReadonlySet<string>> | undefined;
  /** Names created here: a new group with one of them is one of ours, not a renamed one. */
  private readonly creating = new Set<string>();
  /** Ids learned for our own creates. */
  private readonly mine = new Set<string>();
  /** Creates sent and not yet settled, by name: the ids known before the first send, and whether an outcome was unknown. */
  private readonly sends = new Map<string, CreateSend>();

  constructor(private readonly clock: Clock, private readonly maxAgeMs = MAX_AGE_MS) {}

  /** Call before sending the create of `name`: remembers the ids known before its first send. */
  async before(ctx: CallContext, name: string): Promise<void> {
    this.creating.add(name);
    if (this.sends.has(name)) return;
    const l = this.listing;
    const base = l && this.clock.now() - l.at <= this.maxAgeMs ? l.ids : await (this.loading ??= this.refresh(ctx).finally(() => (this.loading = undefined)));
    if (!this.sends.has(name)) this.sends.set(name, { base, doubt: false });
  }

  /** A send of `name` failed with an unknown outcome: it may have landed. */
  doubt(name: string): void {
    const s = this.sends.get(name);
    if (s) s.doubt = true;
  }

  /** The create of `name` has a known outcome (created, found, or reported): forget its send. */
  settled(name: string, id?: string): void {
    this.sends.delete(name);
    if (id) this.mine.add(id);
  }

  /** The send record of `name` if one of its sends had an unknown outcome. */
  doubtful(name: string): CreateSend | undefined {
    const s = this.sends.get(name);
    return s?.doubt ? s : undefined;
  }

  noteMine(id: string): void {
    this.mine.add(id);
  }

  /**
   * Groups that exist now but did not when `base` was listed, other than this engine's own.
   * Only called on the unknown-outcome path; the listing it takes becomes the base for creates
   * sent from now on (those groups existed before them, so cannot be theirs).
   */
  async appeared(ctx: CallContext, base: ReadonlySet<string>): Promise<GroupSeen[]> {
    const all = await listGroups(ctx);
    this.listing = { ids: new Set(all.map((g) => g.id)), at: this.clock.now() };
    return all.filter((g) => !base.has(g.id) && !this.mine.has(g.id) && !this.creating.has(g.name));
  }

  private async refresh(ctx: CallContext): Promise<ReadonlySet<string>> {
    const ids = new Set((await listGroups(ctx)).map((g) => g.id));
    this.listing = { ids, at: this.clock.now() };
    return ids;
  }
}

const listGroups = async (ctx: CallContext): Promise<GroupSeen[]> =>
  (await queryAll(ctx.api, 'AccountGroup', equalsAll({ accountId: ctx.accountId })))
    .map((g) => ({ id: String(g.id), name: String(g.name) }));
