import { describe, expect, it } from 'vitest';
import type { ContributionKind } from '../../i18n/labels';
import { lorenzCurve, monthlyTotals } from './contribution-figures';

describe('contribution figures', () => {
  it('draws the Lorenz curve poorest partner first', () => {
    expect(lorenzCurve([300, 0, 100])).toEqual([
      { partners: 0, value: 0 },
      { partners: 1 / 3, value: 0 },
      { partners: 2 / 3, value: 0.25 },
      { partners: 1, value: 1 },
    ]);
  });

  it('keeps the curve flat when nothing was valued', () => {
    expect(lorenzCurve([0, 0]).map((point) => point.value)).toEqual([0, 0, 0]);
  });

  const given = (month: string, ...lines: [ContributionKind, number, number | null][]) => ({
    month,
    totals: {
      byKindAndUnit: lines.map(([kind, contributions, valueCents]) => ({
        kind,
        contributions,
        valueCents,
      })),
    },
  });

  it('sums the kinds of each month, valued, and fills the months in between', () => {
    const months = [
      given('2026-01', ['money', 1, 50], ['venue', 1, null], ['money', 2, 25]),
      given('2026-03', ['money', 1, 100]),
    ];
    expect(monthlyTotals(months, true)).toEqual([
      { month: '2026-01', byKind: { money: 75, venue: 0 }, count: 4 },
      { month: '2026-02', byKind: {}, count: 0 },
      { month: '2026-03', byKind: { money: 100 }, count: 1 },
    ]);
    expect(monthlyTotals(months, false)[0]).toEqual({
      month: '2026-01',
      byKind: { money: 3, venue: 1 },
      count: 4,
    });
  });

  it('crosses a year end', () => {
    const months = monthlyTotals(
      [given('2025-11', ['money', 1, 1]), given('2026-01', ['money', 1, 1])],
      true,
    ).map((totals) => totals.month);
    expect(months).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('draws nothing when nothing was given', () => expect(monthlyTotals([], true)).toEqual([]));
});
