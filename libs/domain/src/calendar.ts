/** A real calendar date written `YYYY-MM-DD` (refuses `2026-02-30`). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Today for a command: the day of its instant where the partnerships are (see `CommandMetadata`). */
export function todayOf(metadata: { readonly now: string; readonly today?: string }): string {
  return metadata.today ?? metadata.now.slice(0, 10);
}

/** The day a command's act took effect in the world: the day given, else today. */
export function effectiveDateOf(metadata: {
  readonly now: string;
  readonly today?: string;
  readonly effectiveDate?: string;
}): string {
  return metadata.effectiveDate ?? todayOf(metadata);
}

/** The calendar day (YYYY-MM-DD) of an instant in an IANA time zone. */
export function calendarDayIn(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
