import { createSecretKey, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { erasedMarker, UNREADABLE_MARKER } from './erased-marker';
import { openAll, sealFields } from './personal-data-opener';
import { isSealed, type JsonObject, type JsonValue, sealValue } from './sealed-value';
import { SqliteKeyStore } from './sqlite-key-store';

/** fast-check types object fields as optional; it never generates an undefined one. */
const jsonValue = (constraints?: fc.JsonSharedConstraints) =>
  fc.jsonValue(constraints) as fc.Arbitrary<JsonValue>;
const throughJson = (value: JsonValue): unknown => JSON.parse(JSON.stringify(value));

describe('opening and sealing personal fields', () => {
  let keys: SqliteKeyStore;
  beforeEach(() => (keys = SqliteKeyStore.open(':memory:', createSecretKey(randomBytes(32)))));
  afterEach(() => keys.close());

  const statement = (): JsonObject => ({
    caseId: 'youth--noise-dispute',
    statement: { text: 'Ana says Bruno plays music at night', language: 'fr' },
    contact: { email: 'ana@example.org', phone: '+33 6 12 34 56 78' },
    parties: ['acme', 'city'],
  });

  it('opens every envelope, however deep, and leaves the rest as it was', () => {
    fc.assert(
      fc.property(jsonValue(), fc.array(jsonValue(), { maxLength: 3 }), (plain, secrets) => {
        const sealed = secrets.map((secret, index) =>
          sealValue(secret, `person-${index}`, keys.currentKey(`person-${index}`)),
        );
        const data: JsonValue = { plain, nested: [{ sealed }], top: sealed[0] ?? null };
        expect(openAll(data, keys)).toEqual({
          value: {
            plain,
            nested: [{ sealed: secrets.map(throughJson) }],
            top: secrets.length > 0 ? throughJson(secrets[0]) : null,
          },
          erased: 0,
          unreadable: 0,
          corrupted: 0,
        });
      }),
    );
  });

  it('shows an erased subject as erased on the day, and still opens the others in the same object', () => {
    fc.assert(
      fc.property(
        jsonValue(),
        jsonValue(),
        jsonValue(),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (erasedValue, keptValue, plain, erasedAt) => {
          const erasedSubject = `resident-${randomBytes(6).toString('hex')}`;
          const keptSubject = `person-${randomBytes(6).toString('hex')}`;
          const data = sealFields(
            { contact: erasedValue, text: keptValue, plain },
            [
              { path: 'contact', subject: erasedSubject },
              { path: 'text', subject: keptSubject },
            ],
            keys,
          );
          keys.destroySubjectKeys(erasedSubject, erasedAt);
          const opened = openAll(data, keys);
          expect(opened).toEqual({
            value: {
              contact: erasedMarker(erasedAt.toISOString().slice(0, 10)),
              text: throughJson(keptValue),
              // Not sealed: left exactly as it was (-0 included).
              plain,
            },
            erased: 1,
            unreadable: 0,
            corrupted: 0,
          });
        },
      ),
    );
  });

  it('shows an envelope of a key it never knew as unreadable, and counts it', () => {
    const elsewhere = SqliteKeyStore.open(':memory:', createSecretKey(randomBytes(32)));
    const imported = sealFields(
      statement(),
      [{ path: 'contact', subject: 'person-ana' }],
      elsewhere,
    );
    elsewhere.close();
    expect(openAll([imported, imported], keys)).toEqual({
      value: [
        { ...statement(), contact: UNREADABLE_MARKER },
        { ...statement(), contact: UNREADABLE_MARKER },
      ],
      erased: 0,
      unreadable: 2,
      corrupted: 0,
    });
  });

  it('shows an altered or forged envelope as unreadable, counted apart, without throwing', () => {
    const envelope = sealValue('ana@example.org', 'person-ana', keys.currentKey('person-ana'));
    const movedToBruno = { ...envelope, subject: 'person-bruno' };
    const lookalike = { sealed: 'aes-256-gcm/1', subject: 'x', key: 'y', nonce: 'z', data: 'w' };
    expect(openAll({ movedToBruno, lookalike, envelope }, keys)).toEqual({
      value: {
        movedToBruno: UNREADABLE_MARKER,
        lookalike: UNREADABLE_MARKER,
        envelope: 'ana@example.org',
      },
      erased: 0,
      unreadable: 0,
      corrupted: 2,
    });
    const withMore = { ...envelope, note: 'an object of its own' };
    expect(openAll(withMore, keys).value).toEqual(withMore);
  });

  it('keeps a field named __proto__ a field', () => {
    const data = JSON.parse('{"__proto__": {"text": "kept"}}') as JsonObject;
    const sealed = sealFields(data, [{ path: '__proto__.text', subject: 'person-ana' }], keys);
    expect(Object.getPrototypeOf(sealed)).toBe(Object.prototype);
    const opened = openAll(sealed, keys).value as JsonObject;
    expect(Object.keys(opened)).toEqual(['__proto__']);
    expect(opened).toEqual(data);
  });

  it('seals the named fields, top-level or dotted, for several subjects, and nothing else', () => {
    const original = statement();
    const sealed = sealFields(
      original,
      [
        { path: 'statement.text', subject: 'person-ana' },
        { path: 'contact', subject: 'person-ana' },
        { path: 'witness', subject: 'person-bruno' },
        { path: 'statement.signature.name', subject: 'person-bruno' },
      ],
      keys,
    );
    expect(original).toEqual(statement());
    expect(sealed.caseId).toBe(original.caseId);
    expect(sealed.parties).toEqual(original.parties);
    expect(sealed).not.toHaveProperty('witness');
    const { statement: sealedStatement, contact } = sealed as {
      statement: JsonObject;
      contact: unknown;
    };
    expect(sealedStatement.language).toBe('fr');
    expect(isSealed(sealedStatement.text)).toBe(true);
    expect(isSealed(contact)).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/Ana says|ana@example|\+33/);
    expect(openAll(sealed, keys).value).toEqual(original);

    keys.destroySubjectKeys('person-ana', new Date('2026-12-02T10:00:00Z'));
    expect(openAll(sealed, keys)).toMatchObject({
      value: {
        ...original,
        statement: { ...(original.statement as JsonObject), text: '[erased 2026-12-02]' },
        contact: '[erased 2026-12-02]',
      },
      erased: 2,
    });
  });

  it('refuses a path through a value that is not an object, or a field sealed already', () => {
    const data = statement();
    expect(() => sealFields(data, [{ path: 'caseId.first', subject: 'person-ana' }], keys)).toThrow(
      /caseId\.first crosses caseId/,
    );
    expect(() => sealFields(data, [{ path: 'parties.0', subject: 'person-ana' }], keys)).toThrow(
      TypeError,
    );
    const once = sealFields(data, [{ path: 'contact', subject: 'person-ana' }], keys);
    expect(() => sealFields(once, [{ path: 'contact', subject: 'person-ana' }], keys)).toThrow(
      /contact is sealed already/,
    );
    expect(() =>
      sealFields(once, [{ path: 'contact.email', subject: 'person-ana' }], keys),
    ).toThrow(TypeError);
  });

  it('seals a returning subject under a new key: the old field stays erased, the new one opens', () => {
    const before = sealFields(
      { contact: 'old@example.org' },
      [{ path: 'contact', subject: 'resident-7' }],
      keys,
    );
    keys.destroySubjectKeys('resident-7', new Date('2026-12-02T10:00:00Z'));
    const after = sealFields(
      { contact: 'new@example.org' },
      [{ path: 'contact', subject: 'resident-7' }],
      keys,
    );
    expect(openAll([before, after], keys)).toEqual({
      value: [{ contact: '[erased 2026-12-02]' }, { contact: 'new@example.org' }],
      erased: 1,
      unreadable: 0,
      corrupted: 0,
    });
  });
});
