import { useMemo } from 'react';
import { useIntl } from 'react-intl';

export interface Formatters {
  /** A calendar date (YYYY-MM-DD or an instant), in the reader's language. */
  date(value: string | Date): string;
  /** A calendar date written out ("2 December 2026"), for a date read in a sentence. */
  longDate(value: string | Date): string;
  /** An instant, with the time. */
  dateTime(value: string | Date): string;
  number(value: number, maximumFractionDigits?: number): string;
  euros(value: number): string;
  percent(ratio: number): string;
  /** A month (YYYY-MM), e.g. "janv. 2026". */
  month(value: string): string;
}

/** Dates, numbers and euros through Intl, in the current locale. */
export function useFormat(): Formatters {
  const intl = useIntl();
  return useMemo(
    () => ({
      date: (value) =>
        intl.formatDate(calendarDate(value), { dateStyle: 'medium', timeZone: 'UTC' }),
      longDate: (value) =>
        intl.formatDate(calendarDate(value), { dateStyle: 'long', timeZone: 'UTC' }),
      dateTime: (value) => intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }),
      number: (value, maximumFractionDigits = 2) =>
        intl.formatNumber(value, { maximumFractionDigits }),
      euros: (value) => intl.formatNumber(value, { style: 'currency', currency: 'EUR' }),
      percent: (ratio) => intl.formatNumber(ratio, { style: 'percent', maximumFractionDigits: 1 }),
      month: (value) =>
        intl.formatDate(new Date(`${value}-01T00:00:00Z`), {
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }),
    }),
    [intl],
  );
}

/** A bare YYYY-MM-DD is a day, not midnight somewhere: read and shown in UTC so it never shifts. */
function calendarDate(value: string | Date): Date {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00Z`)
    : new Date(value);
}
