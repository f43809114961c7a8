import { rememberCsrfToken } from '../api/csrf';
import type { LedgerClient } from '../api/client';
import type { components } from '../api/schema';
import { signInPasskeyCredential } from './passkeys';

/**
 * "Who am I, and how do I sign in": the ledger's own sign-in routes (`/auth/*`) through the typed
 * client. The session travels in an HttpOnly cookie; `GET /auth/session` answers who is signed in
 * and the CSRF token every write repeats (kept in memory only, see csrf.ts).
 */
export type Session = components['schemas']['SessionDocument'];
export type SignInMethods = components['schemas']['SignInMethodsDocument'];
export type Role = 'partner' | 'partner_admin' | 'mediator' | 'admin' | 'auditor';

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly session: Session }
  | { readonly kind: 'refused' }
  /** Too many failed attempts: the ledger asks to wait (429). */
  | { readonly kind: 'throttled' }
  | { readonly kind: 'unavailable'; readonly status: number };

export interface Authentication {
  currentSession(): Promise<Session | null>;
  methods(): Promise<SignInMethods>;
  signIn(email: string, password: string): Promise<SignInOutcome>;
  /** The browser offers the passkeys it holds for this site; the person picks one. */
  signInWithPasskey(): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  /** Ends every session of the person, on every device (this one included). */
  signOutEverywhere(): Promise<void>;
}

/** What a sign-in route answered, as an outcome; the session it opened is asked for again. */
async function outcomeOf(
  answer: { readonly response: Response },
  currentSession: () => Promise<Session | null>,
): Promise<SignInOutcome> {
  const { status, ok } = answer.response;
  if (status === 400 || status === 401) return { kind: 'refused' };
  if (status === 429) return { kind: 'throttled' };
  if (!ok) return { kind: 'unavailable', status };
  const session = await currentSession();
  return session ? { kind: 'signed-in', session } : { kind: 'refused' };
}

/** The ledger's own sign-in, same origin, through `client`. */
export function ledgerAuthentication(client: LedgerClient): Authentication {
  const currentSession = async (): Promise<Session | null> => {
    const { data, response } = await client.GET('/auth/session');
    if (!response.ok || !data) {
      rememberCsrfToken(undefined);
      return null;
    }
    rememberCsrfToken(data.csrfToken);
    return data;
  };
  return {
    currentSession,

    async methods() {
      const { data } = await client.GET('/auth/methods');
      return data ?? { password: true, passkeys: false, oidc: { enabled: false, displayName: '' } };
    },

    async signIn(email, password) {
      return outcomeOf(
        await client.POST('/auth/sign-in', { body: { email, password } }),
        currentSession,
      );
    },

    async signInWithPasskey() {
      const options = await client.POST('/auth/passkeys/authentication-options');
      if (!options.response.ok || !options.data) {
        return { kind: 'unavailable', status: options.response.status };
      }
      const credential = await signInPasskeyCredential(options.data);
      if (!credential) return { kind: 'refused' };
      return outcomeOf(
        await client.POST('/auth/passkeys/authentication', { body: { credential } }),
        currentSession,
      );
    },

    async signOut() {
      await client.POST('/auth/sign-out');
      rememberCsrfToken(undefined);
    },

    async signOutEverywhere() {
      await client.POST('/auth/sign-out-everywhere');
      rememberCsrfToken(undefined);
    },
  };
}

export function hasRole(session: Pick<Session, 'roles'>, ...roles: Role[]): boolean {
  return session.roles.some((role) => (roles as string[]).includes(role));
}
