import { isCalendarDate } from './calendar';
import { RuleViolation } from './domain-errors';

/** The rules every act's date obeys, whatever the aggregate. */
export const ACT_DATE_RULES = [
  'act-date-invalid',
  'act-date-in-the-future',
  'act-date-before-start',
  'act-backfill-reason-required',
] as const;
export type ActDateRule = (typeof ACT_DATE_RULES)[number];

/** When an act took effect, against what the ledger knows of its context. */
export interface ActDates {
  /** The day the act took effect in the world, as its recorder says (YYYY-MM-DD). */
  readonly effectiveDate: string;
  /** Today where the partnerships are: an act cannot have happened after it. */
  readonly today: string;
  /**
   * The day what the act concerns began, when known: its partnership's founding for what starts in
   * a partnership, the aggregate's first act for what follows in it.
   */
  readonly notBefore?: { readonly date: string; readonly what: string };
  /** An act dated more than this many days before today is back-filled, and must say why. */
  readonly backfilledAfterDays: number;
  readonly backfillReason?: string;
}

const violation = (rule: ActDateRule, message: string) => new RuleViolation(rule, message);

/**
 * Two times for every fact: the day it took effect (given) and the instant it was recorded (the
 * ledger's). The effective day is a real day, not after today, not before what it concerns began;
 * recorded long after it (back-filled), the act says why, and is marked so everywhere.
 */
export function assertActDate(dates: ActDates): void {
  const { effectiveDate, today, notBefore } = dates;
  if (!isCalendarDate(effectiveDate)) {
    throw violation('act-date-invalid', `${effectiveDate} is not a YYYY-MM-DD date`);
  }
  if (effectiveDate > today) {
    throw violation('act-date-in-the-future', `${effectiveDate} is after today (${today})`);
  }
  if (notBefore !== undefined && effectiveDate < notBefore.date) {
    throw violation(
      'act-date-before-start',
      `${effectiveDate} is before ${notBefore.what} (${notBefore.date})`,
    );
  }
  if (
    isBackfilled(effectiveDate, today, dates.backfilledAfterDays) &&
    !dates.backfillReason?.trim()
  ) {
    throw violation(
      'act-backfill-reason-required',
      `An act of ${effectiveDate}, more than ${dates.backfilledAfterDays} days ago, says why it is ` +
        'recorded only now (backfillReason)',
    );
  }
}

/** Whether an act of `effectiveDate` recorded on `recordedOn` is back-filled. */
export function isBackfilled(
  effectiveDate: string,
  recordedOn: string,
  afterDays: number,
): boolean {
  return daysBetween(effectiveDate, recordedOn) > afterDays;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
