/**
 * Typed failures of the platform client. `kind` is what callers branch on (DESIGN.md, Push):
 * network, 5xx and 503 are retryable; 401 pauses for re-authentication; other 4xx are
 * rejections shown with the platform's own message.
 */
export type ApiErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-response';

const KIND_BY_STATUS: Record<number, ApiErrorKind> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  503: 'rate-limited',
};

export const kindOfStatus = (status: number): ApiErrorKind =>
  KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'bad-request');

export class ApiError extends Error {
  /** HTTP status, or 0 when no response arrived (network) . */
  readonly status: number;
  readonly kind: ApiErrorKind;

  constructor(kind: ApiErrorKind, status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
  }

  /** Worth sending again later, unchanged. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'rate-limited' || this.kind === 'server';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
