import type { ContributionKind } from '../../i18n/labels';

export interface LorenzPoint {
  /** Cumulative share of partners, poorest first (0..1). */
  readonly partners: number;
  /** Cumulative share of the value they gave (0..1). */
  readonly value: number;
}

/**
 * The Lorenz curve of what partners gave: partners sorted by value, ascending, each point the
 * share of partners so far against the share of value so far. Flat at 0 when nothing was valued.
 */
export function lorenzCurve(values: readonly number[]): LorenzPoint[] {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const points: LorenzPoint[] = [{ partners: 0, value: 0 }];
  let running = 0;
  sorted.forEach((value, index) => {
    running += value;
    points.push({ partners: (index + 1) / sorted.length, value: total > 0 ? running / total : 0 });
  });
  return points;
}

export interface DatedContribution {
  readonly date: string;
  readonly kind: ContributionKind;
  readonly valueCents: number | null;
}

export interface MonthTotals {
  /** YYYY-MM */
  readonly month: string;
  readonly byKind: Readonly<Partial<Record<ContributionKind, number>>>;
  readonly count: number;
}

/**
 * Contributions summed per month of the day they were given (effective time), every month from
 * the first to the last present even when empty, so a time axis has no holes. Values in cents.
 */
export function monthlyTotals(contributions: readonly DatedContribution[]): MonthTotals[] {
  const byMonth = new Map<
    string,
    { byKind: Partial<Record<ContributionKind, number>>; count: number }
  >();
  for (const { date, kind, valueCents } of contributions) {
    const month = date.slice(0, 7);
    const entry = byMonth.get(month) ?? { byKind: {}, count: 0 };
    entry.byKind[kind] = (entry.byKind[kind] ?? 0) + (valueCents ?? 0);
    entry.count += 1;
    byMonth.set(month, entry);
  }
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const totals: MonthTotals[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    totals.push({ month, ...(byMonth.get(month) ?? { byKind: {}, count: 0 }) });
  }
  return totals;
}

function nextMonth(month: string): string {
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  return monthNumber === 12
    ? `${year + 1}-01`
    : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}
