import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey, SigningKeyError, signingKeyFromPem, signingKeyPath } from './signing-key';

describe('the token-signing key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'signing-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const ed25519Pem = () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('is generated on first start into keys/ of the data directory, readable by its owner only', async () => {
    const first = await loadSigningKey({ dataDir: join(dataDir, 'not-yet-there') });
    expect(first.origin).toBe('generated');
    const file = signingKeyPath(join(dataDir, 'not-yet-there'));
    expect(file).toBe(join(dataDir, 'not-yet-there', 'keys', 'token-signing-key.pem'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('is reused on every later start, under the same kid', async () => {
    const first = await loadSigningKey({ dataDir });
    const second = await loadSigningKey({ dataDir });
    expect(second.origin).toBe('file');
    expect(second.key.kid).toBe(first.key.kid);
    expect(second.key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is one key when several processes start at once', async () => {
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadSigningKey({ dataDir })));
    expect(new Set(loaded.map(({ key }) => key.kid)).size).toBe(1);
    expect(loaded.filter(({ origin }) => origin === 'generated')).toHaveLength(1);
  });

  it('comes from LEDGER_JWT_PRIVATE_KEY when set, and then no file is written', async () => {
    const pem = ed25519Pem();
    const { key, origin } = await loadSigningKey({ privateKeyPem: pem, dataDir });
    expect(origin).toBe('environment');
    expect(key.kid).toBe((await signingKeyFromPem(pem, 'x')).kid);
    expect(() => statSync(signingKeyPath(dataDir))).toThrow();
  });

  it('publishes its public half as a JWK named by its thumbprint', async () => {
    const { key } = await loadSigningKey({ dataDir });
    expect(key.publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String) as string,
      kid: key.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('refuses keys that are not Ed25519, or not keys, without quoting them', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(loadSigningKey({ privateKeyPem: rsa, dataDir })).rejects.toThrow(
      new SigningKeyError('LEDGER_JWT_PRIVATE_KEY must be an Ed25519 key (got rsa)'),
    );
    const garbage = '-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----';
    await expect(loadSigningKey({ privateKeyPem: garbage, dataDir })).rejects.toThrow(
      new SigningKeyError('LEDGER_JWT_PRIVATE_KEY is not a readable PEM private key'),
    );
  });

  if (process.platform !== 'win32') {
    it('refuses a key file other users can read', async () => {
      await loadSigningKey({ dataDir });
      chmodSync(signingKeyPath(dataDir), 0o644);
      await expect(loadSigningKey({ dataDir })).rejects.toThrow(/readable by other users/);
    });
  }

  it('refuses a key file that holds something else', async () => {
    await loadSigningKey({ dataDir });
    writeFileSync(signingKeyPath(dataDir), 'not a key', { mode: 0o600 });
    await expect(loadSigningKey({ dataDir })).rejects.toThrow(
      new SigningKeyError(`${signingKeyPath(dataDir)} is not a readable PEM private key`),
    );
  });
});
