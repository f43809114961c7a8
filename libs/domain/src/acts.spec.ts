import fc from 'fast-check';
import { type ActDates, assertActDate, isBackfilled } from './acts';
import { RuleViolation } from './domain-errors';

const act = (dates: Partial<ActDates>): ActDates => ({
  effectiveDate: '2026-11-30',
  today: '2026-12-01',
  backfilledAfterDays: 7,
  ...dates,
});

const ruleOf = (dates: Partial<ActDates>): string | undefined => {
  try {
    assertActDate(act(dates));
    return undefined;
  } catch (error) {
    if (error instanceof RuleViolation) return (error as RuleViolation).code;
    throw error;
  }
};

describe('the date of an act', () => {
  it('is a real day, not after today', () => {
    expect(ruleOf({ effectiveDate: '2026-02-30' })).toBe('act-date-invalid');
    expect(ruleOf({ effectiveDate: '2026-12-02' })).toBe('act-date-in-the-future');
    expect(ruleOf({ effectiveDate: '2026-12-01' })).toBeUndefined();
  });

  it('is not before what it concerns began (the partnership founded, the aggregate begun)', () => {
    const notBefore = { date: '2025-09-01', what: 'the founding of partnership youth' };
    expect(ruleOf({ effectiveDate: '2025-08-31', notBefore })).toBe('act-date-before-start');
    expect(ruleOf({ effectiveDate: '2025-09-01', notBefore, backfillReason: 'paper' })).toBe(
      undefined,
    );
  });

  it('says why it is recorded only now, when back-filled (more than the days allowed ago)', () => {
    expect(ruleOf({ effectiveDate: '2026-11-24' })).toBeUndefined();
    expect(ruleOf({ effectiveDate: '2026-11-23' })).toBe('act-backfill-reason-required');
    expect(ruleOf({ effectiveDate: '2026-11-23', backfillReason: '  ' })).toBe(
      'act-backfill-reason-required',
    );
    expect(
      ruleOf({ effectiveDate: '2025-03-14', backfillReason: 'Entered from the minutes' }),
    ).toBeUndefined();
  });

  it('is back-filled exactly when recorded more than the days allowed after it took effect', () => {
    const day = fc
      .integer({ min: Date.parse('2000-01-01'), max: Date.parse('2099-12-31') })
      .map((time) => new Date(time).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 30 }),
        (from, gap, allowed) => {
          const recordedOn = new Date(Date.parse(`${from}T00:00:00Z`) + gap * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(isBackfilled(from, recordedOn, allowed)).toBe(gap > allowed);
        },
      ),
    );
  });
});
