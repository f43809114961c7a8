/**
 * A moment of the ledger's history, on its two axes (as in SQL:2011 or XTDB): the world as it
 * stood on a day, and as the ledger knew it at an instant.
 */
export interface Moment {
  /** Acts that took effect after this day (YYYY-MM-DD, effective time) are left out. */
  readonly asOf?: string;
  /** Acts recorded after this instant (ISO 8601, recorded time) are left out. */
  readonly knownAt?: string;
}

/** The moment in words, for the answers that say something did not exist yet. */
export function momentText(moment: Moment | undefined): string {
  const parts = [
    moment?.asOf !== undefined ? `as of ${moment.asOf}` : undefined,
    moment?.knownAt !== undefined ? `as known at ${moment.knownAt}` : undefined,
  ];
  return parts.filter((part) => part !== undefined).join(', ') || 'now';
}
