import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { AccessTokenVerifier } from './access-token-verifier';
import {
  AccessTokenError,
  type AccessTokenFailure,
  KeySetUnavailableError,
} from './access-token-error';
import { issueAccessToken } from './issue-access-token';
import { type SigningKey, signingKeyFromPem } from './signing-key';

const trust = { issuer: 'cohesion-ledger', audience: 'cohesion-ledger-api' };
const now = () => Math.floor(Date.now() / 1000);

async function newSigningKey(): Promise<SigningKey> {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  return signingKeyFromPem(pem.toString(), 'test key');
}

describe('AccessTokenVerifier with the local signing key', () => {
  let key: SigningKey;
  let verifier: AccessTokenVerifier;

  beforeAll(async () => {
    key = await newSigningKey();
    verifier = AccessTokenVerifier.forSigningKey(key, trust);
  });

  /** A token with these claims on top of valid ones, signed by `signer` (the ledger's key by default). */
  const token = (
    claims: JWTPayload = {},
    options: { alg?: string; kid?: string; signer?: KeyObject } = {},
  ) =>
    new SignJWT({
      iss: trust.issuer,
      aud: trust.audience,
      sub: 'ana-acme',
      roles: ['partner'],
      partner_id: 'acme',
      iat: now(),
      exp: now() + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: options.alg ?? 'EdDSA', kid: options.kid ?? key.kid })
      .sign(options.signer ?? key.privateKey);

  const refusal = async (jwt: string | Promise<string>): Promise<AccessTokenFailure> => {
    const error: unknown = await verifier.verify(await jwt).catch((caught: unknown) => caught);
    if (!(error instanceof AccessTokenError))
      throw new Error(`expected a refusal, got ${String(error)}`);
    return error.reason;
  };

  it('accepts a token the ledger issued, and gives its subject', async () => {
    const issued = await issueAccessToken(
      { sub: 'ana-acme', roles: ['partner', 'mediator'], partnerId: 'acme', ttl: '1h' },
      { ...trust, key },
    );
    await expect(verifier.verify(issued)).resolves.toEqual({
      sub: 'ana-acme',
      roles: ['partner', 'mediator'],
      partnerId: 'acme',
    });
  });

  it('accepts a person with no role (a resident) and no partner', async () => {
    await expect(
      verifier.verify(await token({ roles: [], partner_id: undefined })),
    ).resolves.toEqual({ sub: 'ana-acme', roles: [] });
  });

  it('refuses what is not a compact JWT', async () => {
    for (const garbage of [
      '',
      'abc',
      'a.b',
      'a.b.c.d',
      'x'.repeat(9000),
      'a b.c.d',
      'e30.e30.!!',
    ]) {
      expect(await refusal(garbage)).toBe('malformed');
    }
    expect(await refusal('bm90IGpzb24.e30.c2ln')).toBe('malformed'); // header not JSON
  });

  it('refuses alg none and HMAC algorithms before looking for a key', async () => {
    const unsecured = new UnsecuredJWT({ sub: 'mallory', roles: ['admin'] })
      .setIssuer(trust.issuer)
      .setAudience(trust.audience)
      .setExpirationTime('1h')
      .encode();
    expect(await refusal(unsecured)).toBe('unsupported-algorithm');
    const hmac = new SignJWT({ sub: 'mallory', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuer(trust.issuer)
      .setAudience(trust.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('the public key is no secret at all'));
    expect(await refusal(hmac)).toBe('unsupported-algorithm');
  });

  it('refuses expired tokens, allowing 30 seconds of clock skew', async () => {
    expect(await refusal(token({ exp: now() - 120 }))).toBe('expired');
    await expect(verifier.verify(await token({ exp: now() - 10 }))).resolves.toMatchObject({
      sub: 'ana-acme',
    });
  });

  it('refuses a token it accepted (and remembers) once it has expired since', async () => {
    const started = Date.now();
    const jwt = await token({ exp: now() + 60 });
    await expect(verifier.verify(jwt)).resolves.toMatchObject({ sub: 'ana-acme' });
    jest.useFakeTimers({ now: started + 60_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      // Within the 30 seconds of tolerance: still accepted.
      await expect(verifier.verify(jwt)).resolves.toMatchObject({ sub: 'ana-acme' });
      jest.setSystemTime(started + 120_000);
      expect(await refusal(jwt)).toBe('expired');
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses tokens not valid yet, allowing 30 seconds of clock skew', async () => {
    expect(await refusal(token({ nbf: now() + 120 }))).toBe('not-yet-valid');
    await expect(verifier.verify(await token({ nbf: now() + 10 }))).resolves.toBeDefined();
  });

  it('refuses another issuer or audience, and tokens naming none', async () => {
    expect(await refusal(token({ iss: 'someone-else' }))).toBe('wrong-issuer');
    expect(await refusal(token({ iss: undefined }))).toBe('wrong-issuer');
    expect(await refusal(token({ aud: 'another-api' }))).toBe('wrong-audience');
    expect(await refusal(token({ aud: undefined }))).toBe('wrong-audience');
  });

  it('refuses a key it does not know, and a forged signature under its own key id', async () => {
    const stranger = await newSigningKey();
    expect(await refusal(token({}, { kid: stranger.kid, signer: stranger.privateKey }))).toBe(
      'unknown-key',
    );
    expect(await refusal(token({}, { signer: stranger.privateKey }))).toBe('invalid-signature');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(await refusal(token({}, { alg: 'ES256', signer: ec }))).toBe('unknown-key');
  });

  it('refuses invalid claims', async () => {
    for (const claims of [
      { sub: '' },
      { sub: undefined },
      { sub: 'x'.repeat(201) },
      { sub: 'line\nbreak' },
      { exp: undefined },
      { roles: undefined },
      { roles: 'admin' },
      { roles: ['admin', 'superuser'] },
      { roles: [42] },
      { roles: ['partner'], partner_id: undefined },
      { partner_id: 'not a ledger id' },
      { partner_id: 7 },
    ]) {
      expect({ claims, reason: await refusal(token(claims)) }).toEqual({
        claims,
        reason: 'invalid-claims',
      });
    }
  });

  it('says why in the message, and never repeats the token', async () => {
    const jwt = await token({ roles: ['janitor'] });
    const error = (await verifier.verify(jwt).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/roles may only hold partner, mediator, admin, auditor/);
    expect(error.message).not.toContain(jwt.split('.')[1]);
  });
});

describe('AccessTokenVerifier with a remote key set', () => {
  it('reports an unreachable key set as unavailable, not as a bad token', async () => {
    const server = createServer((_request, response) => response.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const verifier = AccessTokenVerifier.forRemoteKeySet(`http://127.0.0.1:${port}/jwks`, trust);
      const key = await newSigningKey();
      const jwt = await issueAccessToken({ sub: 'a', roles: [], ttl: 60 }, { ...trust, key });
      await expect(verifier.verify(jwt)).rejects.toBeInstanceOf(KeySetUnavailableError);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
