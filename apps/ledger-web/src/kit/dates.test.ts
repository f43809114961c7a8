import { describe, expect, it } from 'vitest';
import { dayIn } from './dates';

describe('the day in a time zone', () => {
  const lateEveningInLondon = new Date('2026-12-02T23:30:00Z');

  it('is the day where the zone is, not where the machine is', () => {
    expect(dayIn('Europe/Paris', lateEveningInLondon)).toBe('2026-12-03');
    expect(dayIn('UTC', lateEveningInLondon)).toBe('2026-12-02');
    expect(dayIn('Pacific/Pago_Pago', lateEveningInLondon)).toBe('2026-12-02');
  });

  it('writes the year, month and day with their zeros, summer time included', () => {
    expect(dayIn('Europe/Paris', new Date('2027-03-28T22:30:00Z'))).toBe('2027-03-29');
    expect(dayIn('Indian/Reunion', new Date('2027-01-04T20:00:00Z'))).toBe('2027-01-05');
  });
});
