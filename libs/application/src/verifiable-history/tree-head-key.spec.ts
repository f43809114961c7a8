import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingKeyPath } from '@cohesion/access-tokens';
import { findTreeHeadKey, loadTreeHeadKey, treeHeadKeyPath } from './tree-head-key';

describe('tree-head signing key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-tree-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is generated once into the data directory (mode 0600), apart from the token key, then reused', async () => {
    expect(await findTreeHeadKey({ dataDir })).toBeUndefined();
    const first = await loadTreeHeadKey({ dataDir });
    expect(first.origin).toBe('generated');
    expect(treeHeadKeyPath(dataDir)).not.toBe(signingKeyPath(dataDir));
    if (process.platform !== 'win32') {
      expect(statSync(treeHeadKeyPath(dataDir)).mode & 0o777).toBe(0o600);
    }
    const again = await loadTreeHeadKey({ dataDir });
    expect(again).toMatchObject({ origin: 'file', key: { kid: first.key.kid } });
    expect((await findTreeHeadKey({ dataDir }))?.key.kid).toBe(first.key.kid);
  });

  it('agrees on one key when two processes create it at once', async () => {
    const [a, b] = await Promise.all([loadTreeHeadKey({ dataDir }), loadTreeHeadKey({ dataDir })]);
    expect(a.key.kid).toBe(b.key.kid);
  });

  it('takes the configured key first, and creates no file then', async () => {
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const { origin } = await loadTreeHeadKey({ dataDir, privateKeyPem: pem });
    expect(origin).toBe('environment');
    expect(await findTreeHeadKey({ dataDir })).toBeUndefined();
  });

  it('refuses a key file other users can read, and a key of another kind', async () => {
    await loadTreeHeadKey({ dataDir });
    if (process.platform !== 'win32') {
      chmodSync(treeHeadKeyPath(dataDir), 0o644);
      await expect(loadTreeHeadKey({ dataDir })).rejects.toThrow(/readable by other users/);
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(loadTreeHeadKey({ dataDir, privateKeyPem: rsa })).rejects.toThrow(
      /LEDGER_TREE_HEAD_PRIVATE_KEY must be an Ed25519 key/,
    );
  });
});
