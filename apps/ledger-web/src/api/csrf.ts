/**
 * The CSRF token of the signed-in session: `GET /auth/session` hands it out, every write sends it
 * back as `X-CSRF-Token`. Kept in memory only (never in storage), and only here.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

let currentToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  currentToken = token;
}

export function csrfToken(): string | undefined {
  return currentToken;
}
