import { eventIdFor, SqliteEventStore, StoreUnavailableError } from '@cohesion/event-store';
import { WRITE_FAILURE_MEMORY_MS, WriteHealthMonitor } from './write-health';

class FailingWhileFull extends SqliteEventStore {
  full = false;
  override append(...args: Parameters<SqliteEventStore['append']>) {
    if (this.full) return Promise.reject(new StoreUnavailableError('disk full', 'SQLITE_FULL'));
    return super.append(...args);
  }
}

const event = (n: number) => ({
  id: eventIdFor(`command-${n}`, 0),
  type: 'Noted',
  data: { n },
  metadata: {
    actor: { sub: 'tester' },
    commandId: `command-${n}`,
    correlationId: `command-${n}`,
    causationId: `command-${n}`,
    schemaVersion: 1,
  },
});

describe('WriteHealthMonitor', () => {
  let inner: FailingWhileFull;
  let monitor: WriteHealthMonitor;
  beforeEach(() => {
    inner = new FailingWhileFull({ file: ':memory:' });
    monitor = new WriteHealthMonitor(inner);
  });
  afterEach(() => monitor.close());

  it('says writes fail from the first failing append, since then, until one succeeds', async () => {
    await monitor.append('s', [event(1)], { expectedRevision: 'any' });
    expect(monitor.writeFailure()).toBeUndefined();
    inner.full = true;
    await expect(monitor.append('s', [event(2)], { expectedRevision: 'any' })).rejects.toThrow();
    const first = monitor.writeFailure();
    expect(first).toMatchObject({ code: 'SQLITE_FULL' });
    await expect(monitor.append('s', [event(3)], { expectedRevision: 'any' })).rejects.toThrow();
    expect(monitor.writeFailure()?.since).toBe(first?.since);
    inner.full = false;
    await monitor.append('s', [event(4)], { expectedRevision: 'any' });
    expect(monitor.writeFailure()).toBeUndefined();
  });

  it('forgets a failure a minute after the last failing write, when nothing was written since', async () => {
    inner.full = true;
    await expect(monitor.append('s', [event(1)], { expectedRevision: 'any' })).rejects.toThrow();
    const failure = monitor.writeFailure();
    const later = (ms: number) => new Date(Date.parse(failure?.last ?? '') + ms);
    expect(monitor.writeFailure(later(WRITE_FAILURE_MEMORY_MS - 1))).toBeDefined();
    expect(monitor.writeFailure(later(WRITE_FAILURE_MEMORY_MS + 1))).toBeUndefined();
  });

  it('takes other refusals (a wrong revision) for rules, not for failing storage', async () => {
    await monitor.append('s', [event(1)], { expectedRevision: 'no_stream' });
    await expect(
      monitor.append('s', [event(2)], { expectedRevision: 'no_stream' }),
    ).rejects.toThrow();
    expect(monitor.writeFailure()).toBeUndefined();
  });
});
