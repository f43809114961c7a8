import type { VerifiedAccessToken } from './access-token-verifier';
import { VerifiedTokenCache } from './verified-token-cache';

const verified: VerifiedAccessToken = {
  subject: { sub: 'ana-acme', roles: ['partner'], partnerId: 'acme' },
};

describe('the cache of verified tokens', () => {
  it('gives back what was verified, for that very token only, until the token expires', () => {
    let clock = 1_000_000;
    const cache = new VerifiedTokenCache(() => clock);
    cache.remember('header.payload.signature', verified, clock + 60_000);
    expect(cache.get('header.payload.signature')).toBe(verified);
    expect(cache.get('header.payload.signaturf')).toBeUndefined();
    clock += 60_000;
    expect(cache.get('header.payload.signature')).toBeUndefined();
  });

  it('trusts a verification five minutes at most, however long the token lives', () => {
    let clock = 1_000_000;
    const cache = new VerifiedTokenCache(() => clock);
    cache.remember('long.lived.token', verified, clock + 24 * 3_600_000);
    clock += 5 * 60_000 - 1;
    expect(cache.get('long.lived.token')).toBe(verified);
    clock += 1;
    expect(cache.get('long.lived.token')).toBeUndefined();
  });
});
