import { roundedRatio } from '../projection-kit';
import type { AccountabilityCounts, AccountabilitySummary } from './accountability.views';

export const NO_COMMITMENTS: AccountabilityCounts = {
  made: 0,
  open: 0,
  fulfilled: 0,
  closedPartial: 0,
  released: 0,
  withdrawn: 0,
  overdue: 0,
  fulfilledOnTime: 0,
};

export function addCounts(a: AccountabilityCounts, b: AccountabilityCounts): AccountabilityCounts {
  return {
    made: a.made + b.made,
    open: a.open + b.open,
    fulfilled: a.fulfilled + b.fulfilled,
    closedPartial: a.closedPartial + b.closedPartial,
    released: a.released + b.released,
    withdrawn: a.withdrawn + b.withdrawn,
    overdue: a.overdue + b.overdue,
    fulfilledOnTime: a.fulfilledOnTime + b.fulfilledOnTime,
  };
}

/** The counts with their rates (see `AccountabilitySummary` for their definitions). */
export function summaryOf(counts: AccountabilityCounts): AccountabilitySummary {
  const cameToTerm = counts.fulfilled + counts.closedPartial + counts.withdrawn + counts.overdue;
  return {
    ...counts,
    fulfilmentRate: ratio(counts.fulfilled, cameToTerm),
    onTimeRate: ratio(counts.fulfilledOnTime, counts.fulfilled),
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : roundedRatio(part / whole);
}
