import {
  type AppendOptions,
  type AppendResult,
  DelegatingEventStore,
  type NewEvent,
  StoreUnavailableError,
} from '@cohesion/event-store';

/**
 * How long a failed write keeps the store reported as failing when nothing is written after it:
 * a node no one writes to (a readiness probe took it out of rotation) then says healthy again,
 * and the next write tells.
 */
export const WRITE_FAILURE_MEMORY_MS = 60_000;

/** Why writes fail, since when. */
export interface WriteFailure {
  /** The storage's own code (`SQLITE_FULL`, `unavailable`…). */
  readonly code: string;
  /** When the first of the failing appends failed (ISO instant). */
  readonly since: string;
  /** When the last one did. */
  readonly last: string;
}

/**
 * The store, remembering whether writes fail for want of storage (a full disk, an I/O fault, a
 * cluster out of reach): from the first append that fails so until one succeeds again, or a minute
 * passes without another failing. Reads may go on meanwhile, so only the appends tell; `/health`
 * reports it, so that a node that cannot write says so even while it still answers reads.
 */
export class WriteHealthMonitor extends DelegatingEventStore {
  private failure?: WriteFailure;

  writeFailure(now = new Date()): WriteFailure | undefined {
    const failure = this.failure;
    if (failure && now.getTime() - Date.parse(failure.last) > WRITE_FAILURE_MEMORY_MS) {
      this.failure = undefined;
    }
    return this.failure;
  }

  override async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    try {
      const result = await this.inner.append(stream, events, options);
      this.failure = undefined;
      return result;
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.failed(error.code);
      throw error;
    }
  }

  private failed(code: string): void {
    const now = new Date().toISOString();
    this.failure = { code, since: this.writeFailure()?.since ?? now, last: now };
  }
}
