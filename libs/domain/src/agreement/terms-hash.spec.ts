import { createHash } from 'node:crypto';
import { termsHash } from './terms-hash';

const clauses = [
  { clauseId: 'c1', text: 'The city lends the hall on Wednesdays.' },
  { clauseId: 'c2', text: 'The association runs the homework club.' },
];

describe('terms hash', () => {
  it('is the SHA-256 hex of the canonical JSON of { agreementId, version, clauses }', () => {
    const canonical = '{"agreementId":"a1","clauses":[{"clauseId":"c1","text":"x"}],"version":1}';
    expect(termsHash('a1', 1, [{ clauseId: 'c1', text: 'x' }])).toBe(
      createHash('sha256').update(canonical).digest('hex'),
    );
  });

  it('does not depend on the key order of the clauses it is given', () =>
    expect(termsHash('a1', 1, [{ text: 'x', clauseId: 'c1' }])).toBe(
      termsHash('a1', 1, [{ clauseId: 'c1', text: 'x' }]),
    ));

  it('covers only what the parties read: clause id and text', () => {
    const annotated = clauses.map((clause) => ({ ...clause, note: 'draft' }));
    expect(termsHash('a1', 1, annotated)).toBe(termsHash('a1', 1, clauses));
  });

  it('binds the agreement, the version and the order of the clauses', () => {
    const hash = termsHash('a1', 1, clauses);
    expect(termsHash('a2', 1, clauses)).not.toBe(hash);
    expect(termsHash('a1', 2, clauses)).not.toBe(hash);
    expect(termsHash('a1', 1, [...clauses].reverse())).not.toBe(hash);
  });
});
