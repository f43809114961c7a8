import { CSRF_HEADER, csrfToken, rememberCsrfToken } from '../api/csrf';

/**
 * "Who am I, and how do I sign in": the only module that knows the sign-in routes. Their contract
 * (from the sign-in issue) is not in the API's OpenAPI document yet, so it is typed here; once
 * the routes exist this module moves onto the generated client and nothing else changes.
 *
 * - `GET /auth/session` → `{ person, csrfToken }`, or 401 when nobody is signed in;
 * - `POST /auth/sign-in` `{ email, password }` → the session cookie (HttpOnly), or a problem;
 * - `POST /auth/sign-out`.
 */
export type Role = 'partner' | 'mediator' | 'admin' | 'auditor';

export interface SessionPerson {
  readonly personId: string;
  readonly displayName: string;
  readonly partnerId?: string;
  readonly roles: readonly Role[];
}

export interface Session {
  readonly person: SessionPerson;
  readonly csrfToken: string;
}

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly session: Session }
  | { readonly kind: 'refused' }
  | { readonly kind: 'unavailable'; readonly status: number };

export interface Authentication {
  currentSession(): Promise<Session | null>;
  signIn(email: string, password: string): Promise<SignInOutcome>;
  signOut(): Promise<void>;
}

/** The ledger's own sign-in, same origin, with the session in an HttpOnly cookie. */
export const ledgerAuthentication: Authentication = {
  async currentSession() {
    const response = await fetch('/auth/session', { credentials: 'include' });
    if (!response.ok) {
      rememberCsrfToken(undefined);
      return null;
    }
    const session = (await response.json()) as Session;
    rememberCsrfToken(session.csrfToken);
    return session;
  },

  async signIn(email, password) {
    const response = await fetch('/auth/sign-in', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status === 400 || response.status === 401) return { kind: 'refused' };
    if (!response.ok) return { kind: 'unavailable', status: response.status };
    const session = await this.currentSession();
    return session ? { kind: 'signed-in', session } : { kind: 'refused' };
  },

  async signOut() {
    const token = csrfToken();
    await fetch('/auth/sign-out', {
      method: 'POST',
      credentials: 'include',
      headers: token ? { [CSRF_HEADER]: token } : {},
    });
    rememberCsrfToken(undefined);
  },
};

export function hasRole(person: SessionPerson, ...roles: Role[]): boolean {
  return person.roles.some((role) => roles.includes(role));
}
