import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KeyStoreCorrupted, MasterKeyError } from './personal-data-errors';
import { openValue, sealValue } from './sealed-value';
import { KEY_STORE_FILE, keyStorePath, SqliteKeyStore } from './sqlite-key-store';

const newMasterKey = (): KeyObject => createSecretKey(randomBytes(32));
const ERASED_AT = new Date('2026-12-02T10:15:00.000Z');

describe('the SQLite key store', () => {
  let dataDir: string;
  let file: string;
  let masterKey: KeyObject;
  const opened: SqliteKeyStore[] = [];
  const open = (key = masterKey, options = {}, named = file) => {
    const store = SqliteKeyStore.open(named, key, options);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'key-store-'));
    file = keyStorePath(dataDir);
    masterKey = newMasterKey();
  });
  afterEach(() => {
    opened.splice(0).forEach((store) => {
      try {
        store.close();
      } catch {
        // closed by the test itself
      }
    });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lives in its own file in the data directory, readable by its owner only', () => {
    open();
    expect(file).toBe(join(dataDir, KEY_STORE_FILE));
    expect(KEY_STORE_FILE).toBe('personal-data-keys.sqlite');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('gives each subject one current key, created on first use', () => {
    const store = open();
    const ana = store.currentKey('person-ana');
    expect(ana.keyId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(store.currentKey('person-ana').keyId).toBe(ana.keyId);
    const bruno = store.currentKey('person-bruno');
    expect(bruno.keyId).not.toBe(ana.keyId);
    expect(bruno.key.export()).not.toEqual(ana.key.export());
    expect(store.subjectOf(ana.keyId)).toBe('person-ana');
    expect(store.subjectOf('never-made')).toBeUndefined();
    expect(() => store.currentKey('')).toThrow(RangeError);
  });

  it('keeps its keys across close and reopen', () => {
    const first = open();
    const sealed = sealValue('ana@example.org', 'person-ana', first.currentKey('person-ana'));
    first.close();
    const reopened = open();
    const found = reopened.keyById(sealed.key);
    expect(found).toMatchObject({ state: 'open', subject: 'person-ana' });
    if (found.state !== 'open') throw new Error('the key is not open');
    expect(openValue(sealed, found.key)).toBe('ana@example.org');
    expect(reopened.currentKey('person-ana').keyId).toBe(sealed.key);
  });

  it('writes the keys made in one transaction together, and none of them when it fails', () => {
    const store = open();
    const made = store.transaction(() => ['a', 'b', 'c'].map((s) => store.currentKey(`p-${s}`)));
    let lost = '';
    expect(() =>
      store.transaction(() => {
        lost = store.currentKey('p-lost').keyId;
        throw new Error('the bulk import stopped');
      }),
    ).toThrow('the bulk import stopped');
    expect(store.keyById(lost).state).toBe('unknown');
    store.close();
    const reopened = open();
    expect(made.map(({ keyId }) => reopened.keyById(keyId).state)).toEqual([
      'open',
      'open',
      'open',
    ]);
    expect(reopened.erasedSubjects()).toEqual([]);
    expect(reopened.keyById(lost).state).toBe('unknown');
    expect(reopened.currentKey('p-a').keyId).toBe(made[0].keyId);
  });

  it('destroys every key of a subject, keeping a tombstone that says when', () => {
    const store = open();
    const ana = store.currentKey('person-ana');
    const bruno = store.currentKey('person-bruno');
    expect(store.destroySubjectKeys('person-ana', ERASED_AT)).toBe(1);
    expect(store.keyById(ana.keyId)).toEqual({
      state: 'destroyed',
      destroyedAt: '2026-12-02T10:15:00.000Z',
      subject: 'person-ana',
    });
    expect(store.subjectOf(ana.keyId)).toBe('person-ana');
    expect(store.keyById(bruno.keyId)).toMatchObject({ state: 'open' });
    expect(store.erasedSubjects()).toEqual([
      { subject: 'person-ana', destroyedAt: '2026-12-02T10:15:00.000Z' },
    ]);
    expect(store.destroySubjectKeys('person-ana', new Date())).toBe(0);
    expect(store.destroySubjectKeys('person-nobody', new Date())).toBe(0);
    expect(() => store.destroySubjectKeys('person-bruno', new Date('not a date'))).toThrow(
      RangeError,
    );
  });

  it('gives a subject who comes back after an erasure a new key, never the destroyed one', () => {
    const store = open();
    const before = store.currentKey('resident-7');
    store.destroySubjectKeys('resident-7', ERASED_AT);
    const after = store.currentKey('resident-7');
    expect(after.keyId).not.toBe(before.keyId);
    expect(store.keyById(before.keyId).state).toBe('destroyed');
    expect(store.keyById(after.keyId).state).toBe('open');
    const later = new Date('2027-01-05T08:00:00.000Z');
    expect(store.destroySubjectKeys('resident-7', later)).toBe(1);
    expect(store.erasedSubjects()).toEqual([
      { subject: 'resident-7', destroyedAt: later.toISOString() },
    ]);
  });

  it('does not know a key id it never made', () => {
    const elsewhere = SqliteKeyStore.open(':memory:', newMasterKey());
    const foreign = elsewhere.currentKey('person-ana').keyId;
    elsewhere.close();
    expect(open().keyById(foreign)).toEqual({ state: 'unknown' });
  });

  it('leaves no byte of a destroyed key in its files, wrapped or raw', () => {
    const store = open();
    // Enough keys to fill several pages, the erased one in the middle of them.
    const subjects = Array.from({ length: 300 }, (_, index) => `person-${index}`);
    const keys = subjects.map((subject) => store.currentKey(subject));
    const erased = keys[150];
    const raw = erased.key.export();
    const reader = new Database(file, { readonly: true });
    const wrapped = reader
      .prepare('SELECT wrapped FROM data_keys WHERE key_id = ?')
      .pluck()
      .get(erased.keyId) as Buffer;
    reader.close();
    const files = () => [file, `${file}-journal`, `${file}-wal`].filter((name) => existsSync(name));
    /** The files holding any 8 bytes in a row of `bytes`: a key partly overwritten still leaks. */
    const holding = (bytes: Buffer) =>
      files().filter((name) => {
        const content = readFileSync(name);
        return Array.from({ length: bytes.length - 7 }, (_, at) => bytes.subarray(at, at + 8)).some(
          (window) => content.includes(window),
        );
      });
    // The test can fail: before the erasure, the file does hold the wrapped key (never the raw one).
    expect(wrapped).toHaveLength(12 + 32 + 16);
    expect(holding(wrapped)).toEqual([file]);
    expect(holding(raw)).toEqual([]);

    expect(store.destroySubjectKeys('person-150', ERASED_AT)).toBe(1);
    expect(holding(wrapped)).toEqual([]);
    expect(holding(raw)).toEqual([]);
    store.close();
    expect(files()).toEqual([file]);
    expect(holding(wrapped)).toEqual([]);
    const others = open();
    expect(others.keyById(keys[149].keyId)).toMatchObject({ state: 'open' });
    expect(others.keyById(keys[151].keyId)).toMatchObject({ state: 'open' });
  });

  it('refuses, at open and without writing, a master key other than its own', () => {
    open().currentKey('person-ana');
    opened.splice(0).forEach((store) => store.close());
    const before = readFileSync(file);
    let refused: unknown;
    try {
      SqliteKeyStore.open(file, newMasterKey());
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(MasterKeyError);
    expect((refused as MasterKeyError).reason).toBe('wrong-master-key');
    expect(readFileSync(file)).toEqual(before);
    expect(open().currentKey('person-ana').keyId).toBeDefined();
  });

  it('is shared by two stores open on the same file in one process: each sees the keys and erasures of the other', () => {
    const reader = open();
    // The same file under another name.
    const eraser = open(masterKey, {}, `${dataDir}/./${KEY_STORE_FILE}`);
    const ana = reader.currentKey('person-ana');
    expect(eraser.currentKey('person-ana').keyId).toBe(ana.keyId);
    const seen = eraser.keyById(ana.keyId);
    if (seen.state !== 'open') throw new Error('the key is not open');
    expect(seen.key.key.export()).toEqual(ana.key.export());
    // The reader has the key in its cache when the other store destroys it.
    expect(reader.keyById(ana.keyId).state).toBe('open');
    expect(eraser.destroySubjectKeys('person-ana', ERASED_AT)).toBe(1);
    expect(reader.keyById(ana.keyId)).toMatchObject({ state: 'destroyed' });
    const next = reader.currentKey('person-ana');
    expect(eraser.currentKey('person-ana').keyId).toBe(next.keyId);
  });

  it('opens any of its keys with a cache smaller than the keys in use', () => {
    const store = open(masterKey, { cacheSize: 2 });
    const sealed = ['a', 'b', 'c', 'd', 'e'].map((name) =>
      sealValue(name, `person-${name}`, store.currentKey(`person-${name}`)),
    );
    for (const round of [1, 2]) {
      const values = sealed.map((envelope) => {
        const found = store.keyById(envelope.key);
        return found.state === 'open' ? openValue(envelope, found.key) : round;
      });
      expect(values).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
  });

  it('refuses a wrapped key edited to belong to another subject', () => {
    const store = open();
    const ana = store.currentKey('person-ana');
    store.close();
    const editor = new Database(file);
    editor
      .prepare("UPDATE data_keys SET subject = 'person-mallory' WHERE key_id = ?")
      .run(ana.keyId);
    editor.close();
    expect(() => open().keyById(ana.keyId)).toThrow(KeyStoreCorrupted);
  });

  it('refuses a file that is not a key store', () => {
    writeFileSync(file, 'not a database at all, but long enough to have a header'.repeat(20));
    expect(() => open()).toThrow(KeyStoreCorrupted);
  });
});
