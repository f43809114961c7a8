import { ForbiddenException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { AccessTokenError } from '@cohesion/access-tokens';
import { type LedgerConfig, PeopleSignIn, type Principal, sameSecret } from '@cohesion/application';
import { cookieOf, SESSION_COOKIE } from './cookies';
import { SESSION, type RequestWithSession } from './request-session';

/** The header a cookie-authenticated write repeats its session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates a request by its session cookie, for the authentication guard. A cookie is sent
 * by the browser on its own, so a write made with one must prove it comes from the ledger's own
 * pages: its Origin (or, without one, its Referer) is the public origin, and it repeats the
 * session's CSRF token in X-CSRF-Token, which another site cannot read. Bearer-token requests
 * need neither: no browser attaches a token by itself.
 */
@Injectable()
export class SessionAuthentication {
  private readonly origin: string;

  constructor(
    private readonly signIn: PeopleSignIn,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.origin = config.get('LEDGER_PUBLIC_ORIGIN', { infer: true });
  }

  /** The principal of the request's session; undefined when it sends no session cookie. */
  authenticate(request: Request & RequestWithSession): Principal | undefined {
    const id = cookieOf(request, SESSION_COOKIE);
    if (id === undefined || id === '') return undefined;
    const signedIn = this.signIn.authenticate(id);
    if (!signedIn) {
      throw new AccessTokenError(
        'session-expired',
        'Your session has ended (signed out, timed out or revoked): sign in again',
      );
    }
    if (!SAFE_METHODS.has(request.method)) this.assertSameSite(request, signedIn.session.csrfToken);
    request[SESSION] = { id, session: signedIn.session };
    return signedIn.principal;
  }

  /** Whether the request comes from the public origin, when it says where it comes from. */
  fromOwnOrigin(request: Request): boolean {
    const origin = request.header('origin');
    if (origin !== undefined) return origin === this.origin;
    const referer = request.header('referer');
    return referer === undefined || referer.startsWith(`${this.origin}/`);
  }

  /** Sign-in forms post only from the ledger's own pages (no login CSRF). */
  assertOwnOrigin(request: Request): void {
    if (!this.fromOwnOrigin(request)) {
      throw csrfRefusal(`Sign in from the ledger's own pages (${this.origin})`);
    }
  }

  private assertSameSite(request: Request, csrfToken: string): void {
    const origin = request.header('origin');
    const referer = request.header('referer');
    const named = origin !== undefined || referer !== undefined;
    if (!named || !this.fromOwnOrigin(request)) {
      throw csrfRefusal(`A write with a session cookie must come from ${this.origin}`);
    }
    const token = request.header(CSRF_HEADER);
    if (token === undefined || !sameSecret(token, csrfToken)) {
      throw csrfRefusal(
        `A write with a session cookie must repeat its CSRF token in ${CSRF_HEADER}`,
      );
    }
  }
}

const csrfRefusal = (message: string) =>
  new ForbiddenException({ message, error: 'Forbidden', reason: 'csrf' });
