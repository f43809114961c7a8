import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalEventJson, GENESIS_HASH, hashEvent, type HashedContent } from './event-hash';

const event: HashedContent = {
  id: '3b241101-e2bb-5255-8caf-4136c566a962',
  stream: 'commitment-42',
  revision: 0n,
  type: 'CommitmentMade',
  data: { what: 'Host 12 workshops', quantity: 12, unit: 'items', due: '2026-12-31' },
  metadata: {
    actor: { sub: 'alice', partnerId: 'p-1', roles: ['partner'] },
    commandId: 'c-1',
    correlationId: 'c-1',
    causationId: 'c-1',
    schemaVersion: 1,
    recordedAt: '2026-11-27T09:00:00.000Z',
  },
  prevHash: GENESIS_HASH,
};

describe('event hashing', () => {
  it('writes RFC 8785 canonical JSON: sorted keys, no whitespace, revision as a string', () => {
    const json = canonicalEventJson(event);
    expect(json.startsWith('{"data":{"due":"2026-12-31","quantity":12,"unit":"items"')).toBe(true);
    expect(json).toContain('"revision":"0"');
    expect(json).not.toMatch(/\s"|":\s/);
  });

  it('is stable across releases (a golden value: changing it breaks every recorded chain)', () => {
    expect(hashEvent(event)).toBe(
      'd765bb9086bc11b0858ba234763d616b96b7ab5b7a9d6a65e8b965741112ad8a',
    );
  });

  it('changes with any byte of the content or of the previous hash', () => {
    const original = hashEvent(event);
    expect(hashEvent({ ...event, data: { ...event.data, quantity: 13 } })).not.toBe(original);
    expect(hashEvent({ ...event, revision: 1n })).not.toBe(original);
    expect(hashEvent({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(original);
  });

  it('does not depend on the order keys were written in', () => {
    const reordered = {
      ...event,
      data: { unit: 'items', due: '2026-12-31', quantity: 12, what: 'Host 12 workshops' },
    };
    expect(hashEvent(reordered)).toBe(hashEvent(event));
  });
});

describe('canonical JSON from parts', () => {
  const jsonValue = fc.jsonValue({ maxDepth: 3 });
  const content = fc.record({
    id: fc.string({ unit: 'binary' }),
    stream: fc.string({ unit: 'binary' }),
    revision: fc.bigInt({ min: 0n, max: 2n ** 63n }),
    type: fc.string({ unit: 'binary' }),
    data: fc.dictionary(fc.string({ unit: 'binary' }), jsonValue),
    metadata: fc.dictionary(fc.string({ unit: 'binary' }), jsonValue),
    prevHash: fc.string({ unit: 'binary' }),
  });

  it('equals RFC 8785 canonicalisation of the whole event, whatever the strings and values', () => {
    fc.assert(
      fc.property(content, (event) => {
        const whole = canonicalize({ ...event, revision: event.revision.toString() });
        // Metadata of any shape: canonicalisation does not care which fields it has.
        expect(canonicalEventJson(event as unknown as HashedContent)).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });
});
