import { fold } from '../decider';
import { indicatorDecider } from './indicator.decider';
import { progressOf } from './indicator.progress';

describe('progressOf', () => {
  const up = { baseline: { value: 12 }, target: { value: 25 } };
  const down = { baseline: { value: 0.42 }, target: { value: 0.3 } };

  it('is 0 at the baseline, 1 on target, in between on the way', () => {
    expect(progressOf(up, 12)).toBe(0);
    expect(progressOf(up, 25)).toBe(1);
    expect(progressOf(up, 18.5)).toBe(0.5);
  });
  it('is negative when things got worse and above 1 beyond the target', () => {
    expect(progressOf(up, 10)).toBeCloseTo(-2 / 13);
    expect(progressOf(up, 38)).toBe(2);
  });
  it('needs no special case when the desired direction is down', () => {
    expect(progressOf(down, 0.42)).toBeCloseTo(0);
    expect(progressOf(down, 0.36)).toBeCloseTo(0.5);
    expect(progressOf(down, 0.3)).toBeCloseTo(1);
    expect(progressOf(down, 0.45)).toBeLessThan(0);
  });
  it('reads the baseline and target of an indicator state', () => {
    const state = fold(indicatorDecider, [
      {
        type: 'IndicatorDefined',
        data: {
          indicatorId: 'gap',
          partnershipId: 'youth-2026',
          code: 'GAP',
          name: 'Employment gap ratio',
          unit: { kind: 'ratio' },
          baseline: { value: 0.42, date: '2026-01-01' },
          target: { value: 0.3, date: '2028-12-31' },
          direction: 'down',
          frequency: 'annual',
          dimensions: [],
        },
      },
    ]);
    expect(progressOf(state, 0.36)).toBeCloseTo(0.5);
  });
  it('is undefined with nothing to measure against', () => {
    expect(progressOf(indicatorDecider.initialState(), 3)).toBeUndefined();
    expect(progressOf({ baseline: { value: 3 }, target: { value: 3 } }, 3)).toBeUndefined();
  });
});
