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

/** What the ledger adds up for one month: per kind and unit, counted and valued. */
export interface GivenInMonth {
  /** YYYY-MM */
  readonly month: string;
  readonly totals: {
    readonly byKindAndUnit: readonly {
      readonly kind: ContributionKind;
      readonly contributions: number;
      readonly valueCents: number | null;
    }[];
  };
}

export interface MonthTotals {
  /** YYYY-MM */
  readonly month: string;
  /** Value in cents when `valued`, else the number of contributions. */
  readonly byKind: Readonly<Partial<Record<ContributionKind, number>>>;
  readonly count: number;
}

/**
 * The ledger's month-by-month totals by kind (value in cents when valued, else counts), with
 * every month from the first to the last, even empty, so a time axis has no holes.
 */
export function monthlyTotals(months: readonly GivenInMonth[], valued: boolean): MonthTotals[] {
  const byMonth = new Map<string, MonthTotals>();
  for (const { month, totals } of months) {
    const byKind: Partial<Record<ContributionKind, number>> = {};
    let count = 0;
    for (const line of totals.byKindAndUnit) {
      byKind[line.kind] =
        (byKind[line.kind] ?? 0) + (valued ? (line.valueCents ?? 0) : line.contributions);
      count += line.contributions;
    }
    byMonth.set(month, { month, byKind, count });
  }
  const first = months[0]?.month;
  const last = months[months.length - 1]?.month;
  if (!first || !last) return [];
  const totals: MonthTotals[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    totals.push(byMonth.get(month) ?? { month, byKind: {}, count: 0 });
  }
  return totals;
}

function nextMonth(month: string): string {
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  return monthNumber === 12
    ? `${year + 1}-01`
    : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}
