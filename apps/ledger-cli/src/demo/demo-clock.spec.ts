import { DemoClock } from './demo-clock';

describe('DemoClock', () => {
  it('starts each day at 09:00 UTC and moves a few minutes on with each command', () => {
    const clock = new DemoClock();
    clock.startDay('2026-03-02');
    expect(clock.tick()).toBe('2026-03-02T09:07:00.000Z');
    clock.startDay('2026-03-02');
    expect(clock.tick()).toBe('2026-03-02T09:14:00.000Z');
    expect(clock.now()).toBe('2026-03-02T09:14:00.000Z');
  });

  it('refuses to go back in time or a day that is not a date', () => {
    const clock = new DemoClock();
    clock.startDay('2026-03-02');
    expect(() => clock.startDay('2026-03-01')).toThrow('demo day 2026-03-01 goes back in time');
    expect(() => clock.startDay('March')).toThrow('demo day March is not a YYYY-MM-DD date');
  });
});
