import { PublicFeedbackTokens } from './public-feedback-tokens';

describe('PublicFeedbackTokens', () => {
  const now = new Date('2026-12-02T10:00:00.000Z');
  const tokens = PublicFeedbackTokens.withKeys('k'.repeat(32), undefined);

  it('tells when a token it issued was issued, for the partnership it was issued for only', () => {
    const token = tokens.issue('northside', now);
    expect(tokens.issuedAt(token, 'northside')).toEqual(now);
    expect(tokens.issuedAt(token, 'southside')).toBeUndefined();
  });

  it('knows nothing of a token altered, malformed or signed with another key', () => {
    const token = tokens.issue('northside', now);
    const [issuedAt, signature = ''] = token.split('.');
    const later = `${Number(issuedAt) + 1}.${signature}`;
    const other = PublicFeedbackTokens.withKeys('o'.repeat(32), undefined).issue('northside', now);
    for (const bad of [later, other, `${issuedAt}.`, 'nonsense', `${token}.x`, `-1.${signature}`]) {
      expect(tokens.issuedAt(bad, 'northside')).toBeUndefined();
    }
  });

  it('derives the same key from the same shared secret (replicas accept each other’s forms)', () => {
    const one = PublicFeedbackTokens.withKeys(undefined, 'shared token-signing key');
    const two = PublicFeedbackTokens.withKeys(undefined, 'shared token-signing key');
    const alone = PublicFeedbackTokens.withKeys(undefined, undefined);
    const token = one.issue('northside', now);
    expect(two.issuedAt(token, 'northside')).toEqual(now);
    expect(alone.issuedAt(token, 'northside')).toBeUndefined();
  });
});
