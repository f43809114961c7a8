import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret of 256 random bits, URL-safe: session ids, link tokens, CSRF tokens. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored of a secret: its SHA-256. A stolen identity database then holds no usable
 * session or link; and a lookup by hash gives a caller no timing hint about stored secrets.
 */
export function hashOfSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Equality of two secrets in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Shaped like our secrets (43 base64url characters): anything else is refused unread. */
export const SECRET_TOKEN = /^[A-Za-z0-9_-]{43}$/;
