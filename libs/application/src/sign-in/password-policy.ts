import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; this only bounds the work of hashing garbage. */
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(COMMON_PASSWORDS.split('\n'));

/**
 * Why a new password is refused (NIST SP 800-63B §5.1.1.2: length and a blocklist, no
 * composition rules), or undefined when it is acceptable. Counted in characters, not bytes, so
 * that a passphrase in any script counts what its writer sees.
 */
export function passwordProblem(
  password: string,
  personal: readonly string[] = [],
): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `A password has at least ${MIN_PASSWORD_LENGTH} characters (a few words make a good one)`;
  }
  if (length > MAX_PASSWORD_LENGTH)
    return `A password has at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (isCommon(lower)) return 'This password is among the most common ones: choose another';
  const mentioned = personal
    .map((field) => field.trim().toLowerCase())
    .filter((field) => field.length >= 4);
  if (mentioned.some((field) => lower.includes(field) || field.includes(lower))) {
    return 'A password must not contain your name or e-mail';
  }
  return undefined;
}

/**
 * Common as it is, common once the digits and signs around it are taken off (`Password2024!`),
 * or a common or tiny unit repeated (`abcabcabcabc`, `passwordpassword`).
 */
function isCommon(lower: string): boolean {
  if (COMMON.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length >= 3 && COMMON.has(core)) return true;
  const unit = /^(.+?)\1+$/su.exec(lower)?.[1];
  return unit !== undefined && (unit.length <= 3 || COMMON.has(unit));
}
