import { createSecretKey, randomBytes } from 'node:crypto';
import { SqliteKeyStore } from '@cohesion/personal-data';
import { ErasureKeys } from './erasure-keys';

const CARRIED_OUT_AT = '2026-12-02T10:00:00.000Z';

describe('destroying the keys of carried-out erasures', () => {
  let keys: SqliteKeyStore;
  let erasureKeys: ErasureKeys;
  const erasedAt = (subject: string) =>
    keys.erasedSubjects().find((erased) => erased.subject === subject)?.destroyedAt;

  beforeEach(() => {
    keys = SqliteKeyStore.open(':memory:', createSecretKey(randomBytes(32)));
    erasureKeys = new ErasureKeys(keys);
  });
  afterEach(() => keys.close());

  it('destroys each live key of the subjects, dated when the erasure was carried out', () => {
    const ana = keys.currentKey('p-ana');
    const resident = keys.currentKey('resident-f-1');
    const erasure = { subjects: ['p-ana', 'resident-f-1'], carriedOutAt: CARRIED_OUT_AT };
    expect(erasureKeys.destroyOutstanding([erasure])).toBe(2);
    expect(keys.keyById(ana.keyId)).toMatchObject({
      state: 'destroyed',
      destroyedAt: CARRIED_OUT_AT,
    });
    expect(keys.keyById(resident.keyId)).toMatchObject({ state: 'destroyed' });
  });

  it('destroys nothing twice: a key made after the erasure is left alone', () => {
    keys.currentKey('resident-f-1');
    const erasure = { subjects: ['resident-f-1'], carriedOutAt: CARRIED_OUT_AT };
    expect(erasureKeys.destroyOutstanding([erasure])).toBe(1);
    // The resident comes back and writes again: a new key, which the old erasure must not reach.
    const returning = keys.currentKey('resident-f-1');
    expect(erasureKeys.destroyOutstanding([erasure])).toBe(0);
    expect(keys.keyById(returning.keyId)).toMatchObject({ state: 'open' });
  });

  it('destroys a key an earlier erasure left, when this erasure came after it', () => {
    keys.currentKey('p-ana');
    erasureKeys.destroyOutstanding([
      { subjects: ['p-ana'], carriedOutAt: '2026-01-01T00:00:00.000Z' },
    ]);
    const since = keys.currentKey('p-ana');
    expect(
      erasureKeys.destroyOutstanding([{ subjects: ['p-ana'], carriedOutAt: CARRIED_OUT_AT }]),
    ).toBe(1);
    expect(keys.keyById(since.keyId)).toMatchObject({ state: 'destroyed' });
    expect(erasedAt('p-ana')).toBe(CARRIED_OUT_AT);
  });

  it('is content with a subject that never had a key', () => {
    expect(
      erasureKeys.destroyOutstanding([
        { subjects: ['resident-f-2-contact'], carriedOutAt: CARRIED_OUT_AT },
      ]),
    ).toBe(0);
    expect(erasedAt('resident-f-2-contact')).toBeUndefined();
  });
});
