import { createHmac } from 'node:crypto';

/** The form key the public-feedback tests give their ledgers, so that they can sign tokens too. */
export const TEST_FORM_KEY = 'a test key for the public feedback form, 32+ characters';

/**
 * A form token as the ledger signs it, issued at `issuedAt` (milliseconds): a second
 * implementation of `PublicFeedbackTokens`, so that tests can send a form as old as they need.
 */
export function formTokenIssuedAt(partnershipId: string, issuedAt: number, key = TEST_FORM_KEY) {
  const signature = createHmac('sha256', key)
    .update(`public-feedback\n${partnershipId}\n${issuedAt}`)
    .digest('base64url');
  return `${issuedAt}.${signature}`;
}

/** A form token issued `ageSeconds` ago, without waiting that long. */
export const formTokenAged = (partnershipId: string, ageSeconds: number, key = TEST_FORM_KEY) =>
  formTokenIssuedAt(partnershipId, Date.now() - ageSeconds * 1000, key);
