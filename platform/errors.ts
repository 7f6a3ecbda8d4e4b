/** A refusal with the vendor's status and a message for the admin ({"@type":"Error","message"}). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 429 | 500 | 503,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (message: string) => ({ '@type': 'Error', message });

export const badRequest = (message: string) => new HttpError(400, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
