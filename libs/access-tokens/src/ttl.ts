/** A token's lifetime: short enough that a leaked token soon stops working (there is no revocation). */
export const MAX_TTL_SECONDS = 30 * 24 * 3600;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 24 * 3600 };
const TTL = /^([1-9][0-9]{0,6})([smhd])$/;

export class InvalidTtlError extends Error {
  override readonly name = 'InvalidTtlError';
}

/** `90s`, `15m`, `8h`, `7d` → seconds; anything else, or more than 30 days, is refused. */
export function parseTtl(text: string): number {
  const match = TTL.exec(text.trim());
  if (!match) {
    throw new InvalidTtlError(
      `"${text}" is not a lifetime: write a whole number and a unit, e.g. 90s, 15m, 8h or 7d`,
    );
  }
  const seconds = Number(match[1]) * UNITS[match[2]];
  if (seconds > MAX_TTL_SECONDS) {
    throw new InvalidTtlError(`"${text}" is too long: a token lives at most 30 days (30d)`);
  }
  return seconds;
}
