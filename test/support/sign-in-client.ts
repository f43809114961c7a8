import request from 'supertest';
import type { App } from 'supertest/types';
import type { TestLedger } from './ledger-app';
import { admin, ledgerClient } from './ledger-client';

/** The origin test ledgers trust for cookie-authenticated writes (the setting's default). */
export const PUBLIC_ORIGIN = 'http://localhost:3000';
export const SESSION_COOKIE = '__Host-ledger-session';
/** Not common, long enough, and in no person's name: accepted by the password policy. */
export const GOOD_PASSWORD = 'violet lanterns drift over the canal';

export interface InvitedPerson {
  readonly personId: string;
  /** The token of the invitation link (after `#token=`). */
  readonly token: string;
}

/** A browser's view of one signed-in session: its cookie value and CSRF token. */
export interface BrowserSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly personId: string;
}

/** The value the answer sets for a cookie (supertest's agent would drop a Secure cookie on http). */
export function cookieSet(response: request.Response, name: string): string | undefined {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const line = (header ?? []).find((cookie) => cookie.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

/** HTTP as the web app would do it, and as administrators with bearer tokens. */
export function signInClient(ledger: TestLedger) {
  const server = ledger.app.getHttpServer() as App;
  const api = ledgerClient(ledger);
  const withSession = (call: request.Test, session: BrowserSession, write = false) => {
    call.set('cookie', `${SESSION_COOKIE}=${session.cookie}`);
    return write ? call.set({ origin: PUBLIC_ORIGIN, 'x-csrf-token': session.csrfToken }) : call;
  };
  const opened = (response: request.Response): BrowserSession => {
    const cookie = cookieSet(response, SESSION_COOKIE);
    if (!cookie) throw new Error(`no session cookie set (${response.status})`);
    const body = response.body as { csrfToken: string; personId: string };
    return { cookie, csrfToken: body.csrfToken, personId: body.personId };
  };
  return {
    server,
    api,
    /** Invites a person as the test administrator; answers their id and invitation token. */
    async invite(person: Record<string, unknown>, as = admin): Promise<InvitedPerson> {
      const response = await api.post('/people', person, as).expect(201);
      const { personId, invitation } = response.body as {
        personId: string;
        invitation: { url: string };
      };
      return { personId, token: new URL(invitation.url).hash.replace('#token=', '') };
    },
    accept: (token: string, password = GOOD_PASSWORD) =>
      request(server).post('/auth/invitation/acceptance').send({ token, password }),
    signIn: (email: string, password = GOOD_PASSWORD) =>
      request(server).post('/auth/sign-in').send({ email, password }),
    opened,
    get: (path: string, session: BrowserSession) => withSession(request(server).get(path), session),
    post: (path: string, body: object, session: BrowserSession) =>
      withSession(request(server).post(path), session, true).send(body),
    /** A POST with the cookie only, as a cross-site form would send it. */
    bare: (path: string, session: BrowserSession) =>
      withSession(request(server).post(path), session).send({}),
    bearer: (path: string, token: string) =>
      request(server).get(path).set('authorization', `Bearer ${token}`),
  };
}

/** Invites, accepts and answers the person's first session (as the web app would). */
export async function signedInPerson(
  client: ReturnType<typeof signInClient>,
  person: Record<string, unknown>,
): Promise<BrowserSession> {
  const { token } = await client.invite(person);
  return client.opened(await client.accept(token).expect(200));
}
