import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey, MASTER_KEY_FILE, masterKeyPath } from './master-key';
import { MasterKeyError, type MasterKeyProblem } from './personal-data-errors';

/** Windows has no POSIX modes: the permission checks (and their tests) apply elsewhere only. */
const ownerOnly = process.platform !== 'win32';

describe('the master key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'master-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const base64Key = () => randomBytes(32).toString('base64');
  const keyFile = (text: string, mode = 0o600) => {
    const file = join(dataDir, 'elsewhere', 'ledger-master.key');
    mkdirSync(join(dataDir, 'elsewhere'), { recursive: true });
    writeFileSync(file, text, { mode });
    chmodSync(file, mode);
    return file;
  };
  /** The MasterKeyError loading with these settings throws (and its message never holds `secret`). */
  const refusal = (settings: Parameters<typeof loadMasterKey>[0], secret?: string) => {
    try {
      loadMasterKey(settings, dataDir);
    } catch (error) {
      expect(error).toBeInstanceOf(MasterKeyError);
      if (secret) expect((error as Error).message).not.toContain(secret);
      return error as MasterKeyError;
    }
    throw new Error('the master key was accepted');
  };
  const reasonOf = (settings: Parameters<typeof loadMasterKey>[0], secret?: string) =>
    refusal(settings, secret).reason satisfies MasterKeyProblem;

  it('comes from LEDGER_MASTER_KEY when set, and then no file is written', () => {
    const text = base64Key();
    const { key, origin } = loadMasterKey({ LEDGER_MASTER_KEY: text }, dataDir);
    expect(origin).toBe('environment');
    expect(key.export()).toEqual(Buffer.from(text, 'base64'));
    expect(() => statSync(masterKeyPath(dataDir))).toThrow();
  });

  it('comes from the file LEDGER_MASTER_KEY_FILE names, as openssl writes it', () => {
    const text = base64Key();
    for (const mode of [0o600, 0o400]) {
      const file = keyFile(`${text}\n`, mode);
      const { key, origin } = loadMasterKey({ LEDGER_MASTER_KEY_FILE: file }, dataDir);
      expect(origin).toBe('file');
      expect(key.export()).toEqual(Buffer.from(text, 'base64'));
      rmSync(file);
    }
  });

  it('is generated on first use as master.key in the data directory, owner only, then reused', () => {
    const first = loadMasterKey({ LEDGER_MASTER_KEY: '', LEDGER_MASTER_KEY_FILE: '' }, dataDir);
    expect(first.origin).toBe('generated');
    const file = join(dataDir, MASTER_KEY_FILE);
    if (ownerOnly) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    const second = loadMasterKey({}, dataDir);
    expect(second.origin).toBe('file');
    expect(second.key.export()).toEqual(first.key.export());
  });

  it('is one setting, not two', () => {
    const file = keyFile(base64Key());
    expect(reasonOf({ LEDGER_MASTER_KEY: base64Key(), LEDGER_MASTER_KEY_FILE: file })).toBe(
      'conflicting-settings',
    );
  });

  it('must be the base64 of 32 bytes, and the error never quotes it', () => {
    const short = randomBytes(16).toString('base64');
    const long = randomBytes(33).toString('base64');
    expect(reasonOf({ LEDGER_MASTER_KEY: short }, short)).toBe('wrong-length');
    expect(reasonOf({ LEDGER_MASTER_KEY: long }, long)).toBe('wrong-length');
    expect(refusal({ LEDGER_MASTER_KEY: short }).message).toMatch(
      /LEDGER_MASTER_KEY holds 16 bytes: a master key is 32 random bytes/,
    );
    const notBase64 = 'correct horse battery staple, not base64!!';
    expect(reasonOf({ LEDGER_MASTER_KEY: notBase64 }, notBase64)).toBe('malformed');
    const urlSafe = Buffer.from(base64Key(), 'base64').toString('base64url');
    expect(reasonOf({ LEDGER_MASTER_KEY: urlSafe }, urlSafe)).toBe('malformed');
    const inFile = randomBytes(31).toString('base64');
    expect(reasonOf({ LEDGER_MASTER_KEY_FILE: keyFile(inFile) }, inFile)).toBe('wrong-length');
  });

  (ownerOnly ? it : it.skip)('refuses a key file others may read, or that is executable', () => {
    for (const mode of [0o644, 0o640, 0o604, 0o700]) {
      const file = keyFile(base64Key(), mode);
      const error = refusal({ LEDGER_MASTER_KEY_FILE: file });
      expect(error.reason).toBe('loose-permissions');
      expect(error.message).toContain(`chmod 600 ${file}`);
      rmSync(file);
    }
  });

  (ownerOnly ? it : it.skip)('refuses a generated master.key whose mode was loosened', () => {
    loadMasterKey({}, dataDir);
    chmodSync(masterKeyPath(dataDir), 0o644);
    expect(reasonOf({})).toBe('loose-permissions');
  });

  it('says so when the key file cannot be read', () => {
    const missing = join(dataDir, 'no-such.key');
    expect(reasonOf({ LEDGER_MASTER_KEY_FILE: missing })).toBe('unreadable-file');
    expect(refusal({ LEDGER_MASTER_KEY_FILE: missing }).message).toContain(missing);
    expect(reasonOf({ LEDGER_MASTER_KEY_FILE: dataDir })).toBe('unreadable-file');
  });
});
