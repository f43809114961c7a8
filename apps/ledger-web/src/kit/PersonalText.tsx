import { useCallback } from 'react';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';

/** What the ledger serves for a personal field whose subject's keys were destroyed on that day. */
const ERASED_MARKER = /^\[erased (\d{4}-\d{2}-\d{2})\]$/;

/** The day (YYYY-MM-DD) of an erased marker such as `[erased 2026-12-02]`, or undefined. */
export function erasedDay(value: string): string | undefined {
  const day = ERASED_MARKER.exec(value)?.[1];
  if (day === undefined) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  // A marker naming no real day (2026-02-30) is shown as it is, not as another day.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : undefined;
}

/**
 * A personal field as words: the field itself, or for an erased one "erased on 2 December 2026"
 * in the reader's language (for labels and headings, where no markup fits).
 */
export function usePersonalText(): (value: string) => string {
  const t = useT();
  const format = useFormat();
  return useCallback(
    (value: string) => {
      const day = erasedDay(value);
      return day === undefined ? value : t('personalData.erasedOn', { date: format.longDate(day) });
    },
    [t, format],
  );
}

/**
 * A personal field (a name, an e-mail address, a text) as the ledger serves it; an erased one
 * reads "erased on 2 December 2026", the ledger's own marker kept in its title.
 */
export function PersonalText({ value }: { readonly value: string }) {
  const personalText = usePersonalText();
  if (erasedDay(value) === undefined) return <>{value}</>;
  return (
    <span className="erased" title={value}>
      {personalText(value)}
    </span>
  );
}
