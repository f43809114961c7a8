import request from 'supertest';
import { DUE_DATE, partnershipWith } from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem } from '../support/ledger-client';
import {
  type BrowserSession,
  cookieSet,
  GOOD_PASSWORD,
  PUBLIC_ORIGIN,
  SESSION_COOKIE,
  signInClient,
} from '../support/sign-in-client';

/** Hashing a password (scrypt, OWASP parameters) takes seconds on a loaded machine. */
jest.setTimeout(180_000);

const ana = {
  displayName: 'Ana Ruiz',
  email: 'ana@acme.example',
  partnerId: 'acme',
  roles: ['partner'],
};

const commitment = (commitmentId: string) => ({
  commitmentId,
  partnershipId: 'youth',
  what: 'Forty hours of mentoring',
  dueDate: DUE_DATE,
  quantity: 40,
  unit: 'hours',
  beneficiary: { kind: 'group', name: 'Pupils' },
  kind: 'volunteer_time',
});

describe('people: invite, accept, sign in, act, suspend', () => {
  let ledger: TestLedger;
  let client: ReturnType<typeof signInClient>;
  let anaId: string;
  let session: BrowserSession;

  beforeAll(async () => {
    ledger = await startTestLedger();
    client = signInClient(ledger);
    await partnershipWith(client.api, 'youth', ['acme']);
  });
  afterAll(() => ledger.close());

  it('invites a person and shows the invitation to whoever holds the link', async () => {
    const invited = await client.invite(ana);
    anaId = invited.personId;
    const shown = await request(client.server)
      .get('/auth/invitation')
      .set('x-link-token', invited.token)
      .expect(200);
    expect(shown.body).toMatchObject({
      personId: anaId,
      displayName: 'Ana Ruiz',
      roles: ['partner'],
    });
    // Until accepted, the person cannot act or sign in.
    await client.signIn(ana.email).expect(401);

    expectProblem(await client.accept(invited.token, 'short'), 422, 'password-refused');
    expectProblem(await client.accept(invited.token, 'Password2024!'), 422, 'password-refused');
    expectProblem(
      await client.accept(invited.token, 'ana ruiz forever and ever'),
      422,
      'password-refused',
    );
    const accepted = await client.accept(invited.token).expect(200);
    session = client.opened(accepted);
    const cookie = (accepted.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(
      /^__Host-ledger-session=[\w-]{43}; Path=\/; Secure; HttpOnly; SameSite=Lax; Max-Age=43200$/,
    );
    // The link is single use.
    expectProblem(await client.accept(invited.token), 404, 'not-found');
  });

  it('answers who is signed in, with the CSRF token', async () => {
    const who = await client.get('/auth/session', session).expect(200);
    expect(who.body).toEqual({
      personId: anaId,
      displayName: 'Ana Ruiz',
      email: 'ana@acme.example',
      partnerId: 'acme',
      roles: ['partner'],
      csrfToken: session.csrfToken,
      method: 'invitation',
      signedInAt: expect.any(String) as string,
      expiresAt: expect.any(String) as string,
      // The ledger's calendar (LEDGER_TIME_ZONE's default), which the web app's "today" follows.
      timeZone: 'Europe/Paris',
    });
  });

  it('acts with the session cookie, recording the person id (never the name) as the actor', async () => {
    await client.post('/commitments', commitment('cookie-hours'), session).expect(201);
    const events = await client.api
      .get('/streams/commitment-youth--cookie-hours/events')
      .expect(200);
    expect(
      (events.body as { events: { metadata: { actor: unknown } }[] }).events[0].metadata.actor,
    ).toEqual({
      sub: anaId,
      partnerId: 'acme',
      roles: ['partner'],
    });
  });

  it('refuses a cookie-authenticated write without the CSRF token or from another site', async () => {
    const before = await client.api.logSize();
    const cross = (headers: Record<string, string>) =>
      request(client.server)
        .post('/commitments')
        .set('cookie', `${SESSION_COOKIE}=${session.cookie}`)
        .set(headers)
        .send(commitment('csrf-hours'));
    const attempts: Record<string, string>[] = [
      {},
      { origin: PUBLIC_ORIGIN },
      { origin: 'https://evil.example', 'x-csrf-token': session.csrfToken },
      { referer: 'https://evil.example/form', 'x-csrf-token': session.csrfToken },
      { 'x-csrf-token': session.csrfToken },
      { origin: PUBLIC_ORIGIN, 'x-csrf-token': 'x'.repeat(43) },
    ];
    for (const headers of attempts) {
      const response = await cross(headers);
      expectProblem(response, 403, 'forbidden');
      expect(response.body).toMatchObject({ reason: 'csrf' });
    }
    expect(await client.api.logSize()).toBe(before);
    // Reads need no token: a cross-site page cannot read the answer anyway.
    await client.get('/partnerships/youth', session).expect(200);
  });

  it('signs in with the password, with a new session id, and signs out', async () => {
    const signedIn = await client.signIn('ANA@acme.example').expect(200);
    const second = client.opened(signedIn);
    expect(second.cookie).not.toBe(session.cookie);
    expect(second.csrfToken).not.toBe(session.csrfToken);
    expect(signedIn.body).toMatchObject({ personId: anaId, method: 'password' });
    // Signing in from a browser holding a session ends that session (rotation).
    const rotated = await request(client.server)
      .post('/auth/sign-in')
      .set('cookie', `${SESSION_COOKIE}=${second.cookie}`)
      .send({ email: ana.email, password: GOOD_PASSWORD })
      .expect(200);
    expect((await client.get('/auth/session', second)).status).toBe(401);
    const third = client.opened(rotated);
    const signedOut = await client.post('/auth/sign-out', {}, third).expect(204);
    expect(cookieSet(signedOut, SESSION_COOKIE)).toBe('');
    const after = await client.get('/auth/session', third);
    expectProblem(after, 401, 'unauthenticated');
    expect(after.body).toMatchObject({ reason: 'session-expired' });
    await client.get('/auth/session', session).expect(200);
  });

  it('suspends: the next request is 401, with the cookie and with a token', async () => {
    const issued = await client
      .post(`/people/${anaId}/tokens`, { label: 'reporting script', ttl: '1h' }, session)
      .expect(201);
    const personalToken = (issued.body as { token: string }).token;
    // A token signed for the person by the operator's CLI, claiming more than the directory gives.
    const cliToken = ledger.token({ sub: anaId, partnerId: 'acme', roles: ['partner', 'admin'] });
    await client.bearer('/partnerships/youth', personalToken).expect(200);
    // The directory's roles win over the token's claims: no admin route.
    await client.bearer('/access-audit', cliToken).expect(403);

    await client.api
      .post(`/people/${anaId}/suspension`, { reason: 'left the foundation' })
      .expect(200);

    const byCookie = await client.get('/partnerships/youth', session);
    expectProblem(byCookie, 401, 'unauthenticated');
    for (const token of [personalToken, cliToken]) {
      const byToken = await client.bearer('/partnerships/youth', token);
      expectProblem(byToken, 401, 'unauthenticated');
      expect(byToken.body).toMatchObject({ reason: 'revoked' });
    }
    await client.signIn(ana.email).expect(401);
    // History keeps what the person did.
    await client.api.get('/streams/commitment-youth--cookie-hours/events').expect(200);
  });

  it('reinstates, then revokes a token by its id', async () => {
    await client.api.post(`/people/${anaId}/reinstatement`, {}).expect(200);
    const signedIn = client.opened(await client.signIn(ana.email).expect(200));
    const issued = await client
      .post(`/people/${anaId}/tokens`, { label: 'sync' }, signedIn)
      .expect(201);
    const { token, tokenId } = issued.body as { token: string; tokenId: string };
    await client.bearer('/partnerships/youth', token).expect(200);
    await client.post(`/people/${anaId}/tokens/${tokenId}/revocation`, {}, signedIn).expect(200);
    const refused = await client.bearer('/partnerships/youth', token);
    expect(refused.body).toMatchObject({ status: 401, reason: 'revoked' });
    const listed = await client.get(`/people/${anaId}/tokens`, signedIn).expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tokenId,
          label: 'sync',
          revokedAt: expect.any(String) as string,
        }),
      ]),
    );
  });

  it('resets a password through an admin-issued link, ending every session', async () => {
    const before = client.opened(await client.signIn(ana.email).expect(200));
    const issued = await client.api.post(`/people/${anaId}/password-reset`, {}).expect(200);
    const token = new URL((issued.body as { url: string }).url).hash.replace('#token=', '');
    const shown = await request(client.server)
      .get('/auth/password-reset')
      .set('x-link-token', token)
      .expect(200);
    expect(shown.body).toMatchObject({ personId: anaId, email: ana.email });
    const renewed = 'seven quiet herons under the bridge';
    await request(client.server)
      .post('/auth/password-reset')
      .send({ token, password: renewed })
      .expect(204);
    expect((await client.get('/auth/session', before)).status).toBe(401);
    await client.signIn(ana.email).expect(401);
    await client.signIn(ana.email, renewed).expect(200);
    // A reset link works once.
    await request(client.server)
      .post('/auth/password-reset')
      .send({ token, password: renewed })
      .expect(404);
  });

  it('records sign-ins, failures, invitations, suspensions and revocations in the access audit', async () => {
    const audit = await client.api.get('/access-audit?limit=500').expect(200);
    const reasons = (audit.body as { items: { reason: string }[] }).items.map(
      ({ reason }) => reason.split(':')[0],
    );
    for (const act of [
      'invitation',
      'invitation-accepted',
      'sign-in',
      'sign-in-failed',
      'sign-out',
      'token-issued',
      'suspension',
      'reinstatement',
      'token-revoked',
      'password-reset-issued',
      'password-reset',
    ]) {
      expect(reasons).toContain(act);
    }
    const entries = JSON.stringify(audit.body);
    expect(entries).not.toContain('ana@acme.example');
    expect(entries).not.toContain('Ana Ruiz');
  });

  it('keeps names and e-mails out of business events and their metadata', async () => {
    const events = await client.api
      .get('/streams/commitment-youth--cookie-hours/events')
      .expect(200);
    expect(JSON.stringify(events.body)).not.toMatch(/Ana Ruiz|ana@acme/);
  });

  it('refuses an administrator token of the directory once removed', async () => {
    const { token, personId } = await client.invite({
      displayName: 'Eve Admin',
      email: 'eve@city.example',
      roles: ['admin'],
    });
    const eve = client.opened(await client.accept(token).expect(200));
    await client.get('/access-audit', eve).expect(200);
    await client.api.post(`/people/${personId}/removal`, { reason: 'left' }, admin).expect(200);
    await client.get('/access-audit', eve).expect(401);
  });
});
