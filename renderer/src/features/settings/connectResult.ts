import type { ConnectionState } from '../../app/connectionStore';

/**
 * The outcome of the admin's last Connect. One that states the connection ("Connected to …") holds
 * only while the live connection is still what it said: once the platform stops or answers with
 * an error, the statement would be false, so it is no longer shown (the live status says the truth).
 * One that reports a refused attempt ("… the previous connection is kept") stays true and stays.
 */
export interface ConnectResult {
  ok: boolean;
  text: string;
  /** What the result said about the connection; absent for a refused attempt. */
  claim?: { url: string; online: boolean; lastError: string | null };
}

export const connectResultHolds = (r: ConnectResult, live: Pick<ConnectionState, 'info' | 'online' | 'lastError'>): boolean => {
  if (!r.claim) return true;
  return live.info?.url === r.claim.url && live.online === r.claim.online && live.lastError === r.claim.lastError;
};

/** What a successful connection.set said, as a result with its claim. */
export const connectedResult = (next: { url: string; online: boolean; lastError?: string | null }): ConnectResult => {
  const claim = { url: next.url, online: next.online, lastError: next.lastError ?? null };
  return next.lastError
    ? { ok: false, text: `Connected to ${next.url}, but: ${next.lastError}`, claim }
    : { ok: true, text: `Connected to ${next.url}${next.online ? '' : ' (offline for now)'}.`, claim };
};
