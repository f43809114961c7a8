import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The public form's tokens: when the form was handed out, for which partnership, signed with a
 * server key (HMAC-SHA256), `<issued-at milliseconds>.<signature>`. They prove nothing about who
 * fills the form; they let the ledger tell how long it was filled for.
 */
export class PublicFeedbackTokens {
  private constructor(private readonly key: Buffer) {}

  /**
   * Signed with the configured form key; else with a key derived from the token-signing key that
   * replicas already share (so that a form loaded from one is accepted by the other); else with a
   * key drawn for this process.
   */
  static withKeys(formKey: string | undefined, sharedSecret: string | undefined) {
    if (formKey !== undefined) return new PublicFeedbackTokens(Buffer.from(formKey, 'utf8'));
    if (sharedSecret === undefined) return new PublicFeedbackTokens(randomBytes(32));
    const derived = hkdfSync('sha256', sharedSecret, '', 'cohesion-ledger public form tokens', 32);
    return new PublicFeedbackTokens(Buffer.from(derived));
  }

  issue(partnershipId: string, now: Date): string {
    const issuedAt = String(now.getTime());
    return `${issuedAt}.${this.signature(partnershipId, issuedAt)}`;
  }

  /** When the token was issued for this partnership; `undefined` for a token the ledger never signed. */
  issuedAt(token: string, partnershipId: string): Date | undefined {
    const [issuedAt = '', signature = '', ...rest] = token.split('.');
    if (rest.length > 0 || !/^\d{1,15}$/.test(issuedAt)) return undefined;
    const expected = Buffer.from(this.signature(partnershipId, issuedAt), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return new Date(Number(issuedAt));
  }

  private signature(partnershipId: string, issuedAt: string): string {
    return createHmac('sha256', this.key)
      .update(`public-feedback\n${partnershipId}\n${issuedAt}`)
      .digest('base64url');
  }
}
