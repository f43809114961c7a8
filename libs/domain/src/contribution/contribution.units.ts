import type { ContributionKind } from './contribution.events';

/** An ISO 4217 code by its shape (three capital letters); the edge knows the actual list. */
export function isCurrencyCode(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

/** Whether this kind may be counted in this unit (money in a currency, time in hours…). */
export function isUnitConsistentWithKind(kind: ContributionKind, unit: string): boolean {
  if (unit.trim() === '') return false;
  switch (kind) {
    case 'money':
      return isCurrencyCode(unit);
    case 'volunteer_time':
    case 'expertise':
      return unit === 'hours';
    case 'venue':
      return unit === 'hours' || unit === 'days';
    case 'in_kind':
      // Goods are counted in items, kg…; a currency would make them money.
      return !isCurrencyCode(unit);
    case 'other':
      return true;
  }
}
