import fc from 'fast-check';
import { erasedMarker, erasedMarkerAt, erasedOn, UNREADABLE_MARKER } from './erased-marker';

describe('the erased marker', () => {
  it('names the day the key was destroyed, and reads back to that day', () => {
    expect(erasedMarker('2026-12-02')).toBe('[erased 2026-12-02]');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (at) => {
          const day = at.toISOString().slice(0, 10);
          expect(erasedOn(erasedMarker(day))).toBe(day);
          expect(erasedOn(erasedMarkerAt(at.toISOString()))).toBe(day);
        },
      ),
    );
  });

  it('takes the day in UTC', () => {
    expect(erasedMarkerAt('2026-12-02T23:30:00-02:00')).toBe('[erased 2026-12-03]');
    expect(erasedMarkerAt('2026-12-03T00:30:00+01:00')).toBe('[erased 2026-12-02]');
  });

  it('is made only for a real day or instant', () => {
    for (const day of ['2026-02-30', '2026-13-01', '2026-1-01', '02/12/2026', '']) {
      expect(() => erasedMarker(day)).toThrow(RangeError);
    }
    expect(() => erasedMarkerAt('yesterday')).toThrow(RangeError);
  });

  it('is told apart from anything else', () => {
    for (const value of [
      UNREADABLE_MARKER,
      '[erased]',
      '[erased 2026-02-30]',
      ' [erased 2026-12-02]',
      '[erased 2026-12-02] and more',
      'erased 2026-12-02',
      null,
      42,
      { erased: '2026-12-02' },
    ]) {
      expect(erasedOn(value)).toBeUndefined();
    }
    expect(UNREADABLE_MARKER).toBe('[unreadable]');
  });
});
