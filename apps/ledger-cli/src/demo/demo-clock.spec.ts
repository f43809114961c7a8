import { DEMO_RECORDED_FROM, DemoClock } from './demo-clock';

describe('DemoClock', () => {
  it('records from after the history, a few minutes apart, the same on every run', () => {
    const clock = new DemoClock();
    expect(clock.now()).toBe(DEMO_RECORDED_FROM);
    expect(clock.tick()).toBe('2026-11-02T09:07:00.000Z');
    expect(clock.tick()).toBe('2026-11-02T09:14:00.000Z');
    expect(clock.now()).toBe('2026-11-02T09:14:00.000Z');
  });
});
