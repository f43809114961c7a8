import type { Request, Response } from 'express';

/**
 * The session cookie. `__Host-`: Secure, Path=/, no Domain, so no other host or path can set
 * or shadow it (browsers treat http://localhost as secure, so this works in development too).
 * HttpOnly keeps it from scripts; SameSite=Lax keeps it off cross-site writes.
 */
export const SESSION_COOKIE = '__Host-ledger-session';
/** Binds an OpenID Connect redirect to the browser that started it (see OidcController). */
export const OIDC_FLOW_COOKIE = '__Host-ledger-oidc-flow';

/** The value of a cookie of the request (RFC 6265 §5.4: the first of that name). */
export function cookieOf(request: Request, name: string): string | undefined {
  const header = request.header('cookie');
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** Sets a secure cookie for `maxAgeSeconds`; 0 deletes it. */
export function setCookie(
  response: Response,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  const cookie = `${name}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
  const previous = response.getHeader('set-cookie');
  const others = Array.isArray(previous)
    ? previous
    : previous === undefined
      ? []
      : [String(previous)];
  response.setHeader('set-cookie', [...others, cookie]);
}

export function clearCookie(response: Response, name: string): void {
  setCookie(response, name, '', 0);
}
