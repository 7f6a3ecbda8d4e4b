import { isApiError } from '../../../shared/api';
import { RosterError, type IpcErrorCode } from '../../../shared/ipc';

/**
 * What crosses the bridge when a handler fails: a code the renderer can branch on and a message
 * an admin can read. Unexpected errors are reported as "internal" without their details, which
 * go to main's log instead (they may quote anything, so the renderer never sees them).
 */
export const toIpcError = (e: unknown): { code: IpcErrorCode; message: string; internal?: string } => {
  if (e instanceof RosterError) return { code: e.code, message: e.message };
  if (isApiError(e)) {
    if (e.kind === 'network') return { code: 'offline', message: e.message };
    if (e.kind === 'unauthorized') return { code: 'auth', message: e.message };
    return { code: 'platform', message: e.message };
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return { code: 'internal', message: 'Roster hit an internal error; details are in its log', internal: detail };
};
