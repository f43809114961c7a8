import { useSignedIn } from '../auth/SessionProvider';

/**
 * The calendar day (YYYY-MM-DD) in `timeZone` at `now`. The ledger judges an act's date, and
 * reads the present, on the day where its partnerships are: a browser elsewhere (or just past
 * midnight on another offset) would otherwise offer tomorrow, or ask about yesterday.
 */
export function dayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today where the ledger's partnerships are (its time zone, from the session). */
export function useToday(): string {
  return dayIn(useSignedIn().timeZone);
}
