import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signingKeyPath } from '@cohesion/access-tokens';
import { partnershipWith } from '../support/commitments-fixtures';
import {
  signToken,
  startTestLedger,
  TEST_SIGNING_KEY_PEM,
  type TestLedger,
} from '../support/ledger-app';
import { expectProblem, ledgerClient, type LedgerClient } from '../support/ledger-client';

const now = () => Math.floor(Date.now() / 1000);

/** A command any admin may record: what a stolen or forged token would be used for. */
const founding = (partnershipId: string) => ({
  partnershipId,
  name: 'Youth empowerment',
  purpose: 'Reduce school dropout',
  territory: 'Northside',
  neighbourhoods: ['Les Tilleuls'],
});

type Actor = { sub: string; partnerId?: string; roles?: string[] };

async function actorsOf(api: LedgerClient, stream: string): Promise<Actor[]> {
  const response = await api.get(`/streams/${stream}/events`).expect(200);
  return (response.body as { events: { metadata: { actor: Actor } }[] }).events.map(
    (event) => event.metadata.actor,
  );
}

describe('authentication with the local signing key', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let server: App;
  const testKey = createPrivateKey(TEST_SIGNING_KEY_PEM);
  const adminClaims = { sub: 'city-admin', roles: ['admin'] };

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    server = ledger.app.getHttpServer() as App;
  });
  afterAll(() => ledger.close());

  /** Tries to found a partnership with this Authorization header: refused, and nothing recorded. */
  async function expectRefused(authorization: string | undefined, reason: string) {
    const before = await api.logSize();
    const attempt = request(server).post('/partnerships');
    if (authorization !== undefined) attempt.set('authorization', authorization);
    const response = await attempt.send(founding(`refused-${reason}`));
    expectProblem(response, 401, 'unauthenticated');
    expect(response.body).toMatchObject({ reason, detail: expect.any(String) as string });
    expect(response.headers['www-authenticate']).toMatch(
      reason === 'missing' ? /^Bearer realm="cohesion-ledger"$/ : /error="invalid_token"/,
    );
    expect(await api.logSize()).toBe(before);
    return response;
  }

  const bearer = (token: string) => `Bearer ${token}`;
  /** A token as the ledger would issue it, with these claims changed. */
  const tokenWith = (claims: Record<string, unknown>) => bearer(ledger.token(adminClaims, claims));

  it('accepts a valid token and records its principal as the actor', async () => {
    const principal = { sub: 'ops-city', partnerId: 'city', roles: ['admin', 'auditor'] };
    const response = await request(server)
      .post('/partnerships')
      .set('authorization', bearer(ledger.token(principal)))
      .send(founding('valid'))
      .expect(201);
    expect(response.body).toMatchObject({ stream: 'partnership-valid' });
    expect(await actorsOf(api, 'partnership-valid')).toEqual([principal]);
  });

  it("records a partner's sub, partner id and roles from the token on what it does", async () => {
    await partnershipWith(api, 'tutoring', ['acme']);
    const ana = { sub: 'ana-acme', partnerId: 'acme', roles: ['partner'] };
    await request(server)
      .post('/commitments')
      .set('authorization', bearer(ledger.token(ana)))
      .send({
        commitmentId: 'ana-hours',
        partnershipId: 'tutoring',
        what: 'Tutoring',
        dueDate: '2099-06-30',
        beneficiary: { kind: 'group', name: 'Pupils' },
        kind: 'volunteer_time',
        quantity: 10,
        unit: 'hours',
      })
      .expect(201);
    expect(await actorsOf(api, 'commitment-tutoring--ana-hours')).toEqual([ana]);
  });

  it('takes the principal from the token only: development headers beside it change nothing', async () => {
    await request(server)
      .post('/partnerships')
      .set('authorization', bearer(ledger.token(adminClaims)))
      .set({
        'x-ledger-actor': 'mallory',
        'x-ledger-partner-id': 'evil',
        'x-ledger-roles': 'admin',
      })
      .send(founding('headers-beside'))
      .expect(201);
    expect(await actorsOf(api, 'partnership-headers-beside')).toEqual([adminClaims]);
  });

  it('refuses a request without a token', async () => {
    const response = await expectRefused(undefined, 'missing');
    expect(response.body).toMatchObject({
      detail: expect.stringMatching(/Authorization: Bearer/) as string,
    });
    await expectRefused('', 'missing');
  });

  it('ignores the development headers while LEDGER_DEV_PRINCIPAL_HEADERS is off', async () => {
    const before = await api.logSize();
    const response = await request(server)
      .post('/partnerships')
      .set({ 'x-ledger-actor': 'city-admin', 'x-ledger-roles': 'admin' })
      .send(founding('dev-headers'));
    expectProblem(response, 401, 'unauthenticated');
    expect(response.body).toMatchObject({ reason: 'missing' });
    expect(await api.logSize()).toBe(before);
  });

  it('refuses malformed credentials', async () => {
    for (const authorization of [
      'Basic Y2l0eS1hZG1pbjpwYXNzd29yZA==',
      'Bearer',
      'Bearer not-a-jwt',
      'Bearer a.b',
      `Bearer ${'a'.repeat(9000)}.b.c`,
      'Bearer bm90IGpzb24.e30.c2ln',
      `Bearer ${ledger.token(adminClaims)} extra`,
    ]) {
      await expectRefused(authorization, 'malformed');
    }
  });

  it('refuses an expired token (beyond 30 seconds of clock skew)', async () => {
    const response = await expectRefused(tokenWith({ exp: now() - 120 }), 'expired');
    expect(response.body).toMatchObject({ detail: 'The access token has expired' });
    expect(response.headers['www-authenticate']).toMatch(/error_description="token expired"/);
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(tokenWith({ nbf: now() + 3600 }), 'not-yet-valid');
  });

  it('refuses a token from another issuer, or for another audience', async () => {
    await expectRefused(tokenWith({ iss: 'https://evil.example' }), 'wrong-issuer');
    await expectRefused(tokenWith({ iss: undefined }), 'wrong-issuer');
    await expectRefused(tokenWith({ aud: 'another-api' }), 'wrong-audience');
    await expectRefused(tokenWith({ aud: ['another-api', 'a-third'] }), 'wrong-audience');
  });

  it('refuses alg none, and an HMAC token keyed with the public key', async () => {
    const claims = { sub: 'mallory', roles: ['admin'] };
    const unsecured = new UnsecuredJWT(claims)
      .setIssuer('cohesion-ledger')
      .setAudience('cohesion-ledger-api')
      .setExpirationTime('1h')
      .encode();
    await expectRefused(bearer(unsecured), 'unsupported-algorithm');
    const publicPem = generateKeyPairSync('ed25519').publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('cohesion-ledger')
      .setAudience('cohesion-ledger-api')
      .setExpirationTime('1h')
      .sign(Buffer.from(publicPem));
    await expectRefused(bearer(hmac), 'unsupported-algorithm');
  });

  it('refuses a token signed by a key it does not know, or forged under its key id', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const claims = {
      iss: 'cohesion-ledger',
      aud: 'cohesion-ledger-api',
      ...adminClaims,
      exp: now() + 600,
    };
    await expectRefused(bearer(signToken(stranger, claims)), 'unknown-key');
    const forged = signToken(testKey, claims).split('.');
    const strangers = signToken(stranger, claims).split('.');
    await expectRefused(bearer(`${forged[0]}.${forged[1]}.${strangers[2]}`), 'invalid-signature');
    const tampered = { ...claims, sub: 'someone-else' };
    const payload = Buffer.from(JSON.stringify(tampered)).toString('base64url');
    await expectRefused(bearer(`${forged[0]}.${payload}.${forged[2]}`), 'invalid-signature');
  });

  it('refuses invalid claims', async () => {
    for (const claims of [
      { sub: '' },
      { sub: undefined },
      { exp: undefined },
      { roles: undefined },
      { roles: 'admin' },
      { roles: ['admin', 'superuser'] },
      { roles: ['partner'] },
      { roles: ['partner'], partner_id: '../acme' },
      // An e-mail as sub would be recorded with every act, where no erasure reaches it.
      { sub: 'ana@acme.example' },
    ]) {
      const response = await expectRefused(tokenWith(claims), 'invalid-claims');
      expect(response.body).toMatchObject({
        detail: expect.stringMatching(/^The access token's claims are invalid: /) as string,
      });
    }
  });

  it('authenticates a person with no role (roles: []); what they may do is up to authorization', async () => {
    const response = await request(server)
      .get('/partnerships')
      .set('authorization', bearer(ledger.token({ sub: 'resident-42' })));
    expect(response.status).not.toBe(401);
  });

  it('leaves /health and /docs open', async () => {
    await request(server).get('/health').expect(200);
    await request(server).get('/docs/json').expect(200);
  });
});

describe('authentication with development headers switched on', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let server: App;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_DEV_PRINCIPAL_HEADERS: 'true' });
    api = ledgerClient(ledger);
    server = ledger.app.getHttpServer() as App;
  });
  afterAll(() => ledger.close());

  it('takes the principal from the headers', async () => {
    await request(server)
      .post('/partnerships')
      .set({ 'x-ledger-actor': 'city-admin', 'x-ledger-roles': 'admin' })
      .send(founding('from-headers'))
      .expect(201);
    expect(await actorsOf(api, 'partnership-from-headers')).toEqual([
      { sub: 'city-admin', roles: ['admin'] },
    ]);
  });

  it('still refuses bad headers and bad tokens', async () => {
    const before = await api.logSize();
    const unknownRole = await request(server)
      .post('/partnerships')
      .set({ 'x-ledger-actor': 'city-admin', 'x-ledger-roles': 'admin,superuser' })
      .send(founding('bad-headers'));
    expectProblem(unknownRole, 401, 'unauthenticated');
    const expired = await request(server)
      .post('/partnerships')
      .set('authorization', `Bearer ${ledger.token({ sub: 'a', roles: ['admin'] }, { exp: 1 })}`)
      .set({ 'x-ledger-actor': 'city-admin', 'x-ledger-roles': 'admin' })
      .send(founding('bad-token'));
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.body).toMatchObject({ reason: 'expired' });
    expect(await api.logSize()).toBe(before);
  });
});

describe('authentication with an OpenID Connect provider (JWKS)', () => {
  const issuer = 'https://id.example/realms/city';
  const audience = 'cohesion-ledger';
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Server;
  let ledger: TestLedger;
  let api: LedgerClient;
  let server: App;
  let fetches = 0;

  const sign = (
    key: KeyObject,
    header: { alg: string; kid: string },
    claims: JWTPayload = {},
  ): Promise<string> =>
    new SignJWT({
      iss: issuer,
      aud: audience,
      sub: 'city-admin',
      roles: ['admin'],
      exp: now() + 600,
      ...claims,
    })
      .setProtectedHeader(header)
      .sign(key);

  beforeAll(async () => {
    const keys: JWK[] = [
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    ];
    jwks = createServer((_request, response) => {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    ledger = await startTestLedger({
      LEDGER_OIDC_JWKS_URL: `http://127.0.0.1:${port}/realms/city/certs`,
      LEDGER_JWT_ISSUER: issuer,
      LEDGER_JWT_AUDIENCE: audience,
    });
    api = ledgerClient(ledger);
    server = ledger.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await ledger.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const found = (token: string, partnershipId: string) =>
    request(server)
      .post('/partnerships')
      .set('authorization', `Bearer ${token}`)
      .send(founding(partnershipId));

  /** The business log's size, read straight from the store (the client cannot sign here). */
  const logSize = () => api.logSize();

  it('creates no local signing key', () => {
    expect(existsSync(signingKeyPath(ledger.dataDir))).toBe(false);
  });

  it("accepts tokens signed by the provider's keys, and records their principal", async () => {
    await found(await sign(ec.privateKey, { alg: 'ES256', kid: 'ec-1' }), 'oidc-ec').expect(201);
    const partnerToken = await sign(
      rsa.privateKey,
      { alg: 'RS256', kid: 'rsa-1' },
      { sub: 'ops-city', roles: ['admin', 'partner'], partner_id: 'city' },
    );
    await found(partnerToken, 'oidc-rsa').expect(201);
    const adminToken = await sign(ec.privateKey, { alg: 'ES256', kid: 'ec-1' });
    const events = await request(server)
      .get('/streams/partnership-oidc-rsa/events')
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(
      (events.body as { events: { metadata: { actor: Actor } }[] }).events[0].metadata.actor,
    ).toEqual({ sub: 'ops-city', partnerId: 'city', roles: ['admin', 'partner'] });
    expect(fetches).toBeGreaterThanOrEqual(1);
  });

  /** Refused with 401 and this reason, and nothing recorded. */
  async function expectRefused(token: string, reason: string) {
    const before = await logSize();
    const response = await found(token, `oidc-refused-${reason}`);
    expectProblem(response, 401, 'unauthenticated');
    expect(response.body).toMatchObject({ reason });
    expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect(await logSize()).toBe(before);
  }

  it('refuses a token from another key, even under a known key id', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    await expectRefused(await sign(other, { alg: 'ES256', kid: 'other-1' }), 'unknown-key');
    await expectRefused(await sign(other, { alg: 'ES256', kid: 'ec-1' }), 'invalid-signature');
  });

  it("refuses the ledger's own (test) key: only the provider is trusted", async () => {
    const local = signToken(createPrivateKey(TEST_SIGNING_KEY_PEM), {
      iss: issuer,
      aud: audience,
      sub: 'city-admin',
      roles: ['admin'],
      exp: now() + 600,
    });
    await expectRefused(local, 'unknown-key');
  });

  it('refuses the wrong issuer or audience', async () => {
    const header = { alg: 'ES256', kid: 'ec-1' };
    await expectRefused(
      await sign(ec.privateKey, header, { iss: 'https://evil.example' }),
      'wrong-issuer',
    );
    await expectRefused(
      await sign(ec.privateKey, header, { aud: 'another-api' }),
      'wrong-audience',
    );
  });

  it('refuses expired tokens and invalid claims from the provider too', async () => {
    const header = { alg: 'ES256', kid: 'ec-1' };
    await expectRefused(await sign(ec.privateKey, header, { exp: now() - 600 }), 'expired');
    await expectRefused(await sign(ec.privateKey, header, { roles: ['root'] }), 'invalid-claims');
  });

  it('answers 503 (not 401) while the key set cannot be fetched, and records nothing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await startTestLedger({
      LEDGER_OIDC_JWKS_URL: `http://127.0.0.1:${port}/certs`,
      LEDGER_JWT_ISSUER: issuer,
      LEDGER_JWT_AUDIENCE: audience,
    });
    try {
      const response = await request(unreachable.app.getHttpServer() as App)
        .post('/partnerships')
        .set('authorization', `Bearer ${await sign(ec.privateKey, { alg: 'ES256', kid: 'ec-1' })}`)
        .send(founding('unreachable'));
      expectProblem(response, 503, 'service-unavailable');
      expect(response.headers['retry-after']).toBeDefined();
      expect(await ledgerClient(unreachable).logSize()).toBe(0);
    } finally {
      await unreachable.close();
    }
  });
});
