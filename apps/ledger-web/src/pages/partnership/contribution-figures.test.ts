import { describe, expect, it } from 'vitest';
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

  it('sums by month of the day given and fills the months in between', () => {
    expect(
      monthlyTotals([
        { date: '2026-03-02', kind: 'money', valueCents: 100 },
        { date: '2026-01-31', kind: 'money', valueCents: 50 },
        { date: '2026-01-02', kind: 'venue', valueCents: null },
      ]),
    ).toEqual([
      { month: '2026-01', byKind: { money: 50, venue: 0 }, count: 2 },
      { month: '2026-02', byKind: {}, count: 0 },
      { month: '2026-03', byKind: { money: 100 }, count: 1 },
    ]);
  });

  it('crosses a year end', () => {
    const months = monthlyTotals([
      { date: '2025-11-05', kind: 'money', valueCents: 1 },
      { date: '2026-01-05', kind: 'money', valueCents: 1 },
    ]).map((totals) => totals.month);
    expect(months).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
