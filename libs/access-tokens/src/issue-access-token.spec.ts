import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { InvalidTokenRequestError, issueAccessToken } from './issue-access-token';
import { type SigningKey, signingKeyFromPem } from './signing-key';
import { InvalidTtlError, parseTtl } from './ttl';

describe('issueAccessToken', () => {
  let key: SigningKey;
  const trust = { issuer: 'https://ledger.example', audience: 'ledger-api' };
  beforeAll(async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    key = await signingKeyFromPem(pem.toString(), 'test key');
  });

  it('signs the principal with EdDSA under the key id, for the issuer and audience', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const token = await issueAccessToken(
      { sub: 'ana-acme', roles: ['partner'], partnerId: 'acme', ttl: '8h' },
      { ...trust, key, now },
    );
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: key.kid });
    const iat = now.getTime() / 1000;
    expect(decodeJwt(token)).toEqual({
      iss: trust.issuer,
      aud: trust.audience,
      sub: 'ana-acme',
      roles: ['partner'],
      partner_id: 'acme',
      iat,
      nbf: iat,
      exp: iat + 8 * 3600,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
    });
  });

  it('refuses to sign what the ledger would refuse to trust', async () => {
    const issue = (request: Partial<Parameters<typeof issueAccessToken>[0]>) =>
      issueAccessToken({ sub: 'ana', roles: [], ttl: '1h', ...request }, { ...trust, key });
    await expect(issue({ roles: ['janitor'] })).rejects.toThrow(InvalidTokenRequestError);
    await expect(issue({ roles: ['partner'] })).rejects.toThrow(/partner role needs partner_id/);
    await expect(issue({ sub: '' })).rejects.toThrow(/sub must be a non-empty string/);
    // Recorded with every act in a log no erasure reaches: never an e-mail.
    await expect(issue({ sub: 'ana@acme.example' })).rejects.toThrow(
      /sub must be an opaque id .*not an e-mail address/,
    );
    await expect(issue({ ttl: 0 })).rejects.toThrow(InvalidTokenRequestError);
    await expect(issue({ ttl: 'forever' })).rejects.toThrow(InvalidTtlError);
  });
});

describe('parseTtl', () => {
  it('reads a whole number and a unit', () => {
    expect([parseTtl('90s'), parseTtl('15m'), parseTtl('8h'), parseTtl('30d')]).toEqual([
      90, 900, 28_800, 2_592_000,
    ]);
  });

  it('refuses anything else, and lifetimes over 30 days', () => {
    for (const text of ['', '8', 'h', '0h', '-1h', '1.5h', '8 hours', '1w', '31d', '745h']) {
      expect(() => parseTtl(text)).toThrow(InvalidTtlError);
    }
  });
});
