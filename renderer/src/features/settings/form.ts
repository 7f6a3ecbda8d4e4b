import { ConnectionRequest, RemoteConnection } from '../../../../shared/ipc';

/** The Settings form, validated before anything goes to main (main validates again). */
export interface ConnectionForm {
  mode: 'embedded' | 'remote';
  url: string;
  user: string;
  token: string;
}

export type FieldErrors = Partial<Record<'url' | 'user' | 'token', string>>;

const API_PATH = /\/api\/rest\/v1\/[^/]+\/?$/;

/** A ConnectionRequest, or one clear message per wrong field; the form itself is never stored. */
export const validateConnection = (f: ConnectionForm): { ok: true; request: ConnectionRequest } | { ok: false; errors: FieldErrors } => {
  if (f.mode === 'embedded') return { ok: true, request: { mode: 'embedded' } };
  const input = { mode: 'remote' as const, url: f.url.trim(), user: f.user.trim(), token: f.token };
  const r = RemoteConnection.safeParse(input);
  const errors: FieldErrors = {};
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path[0] as keyof FieldErrors;
      if (field in errors) continue;
      errors[field] = field === 'user' ? 'Enter the user name (the e-mail you sign in with).' : field === 'token' ? 'Enter the API token.' : `The URL ${issue.message}.`;
    }
  }
  if (!errors.url && !API_PATH.test(new URL(input.url).pathname)) {
    errors.url = 'The URL must name the account: https://<host>/api/rest/v1/<accountId>.';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, request: input };
};
