import { invalidRequest } from '../errors';
import { type Page, type PageRequest, pageOf, positionAfter } from './paging';

/** A page of an audit list (of acts, of accesses), within what was recorded in a time range. */
export interface RecordedBetweenRequest extends PageRequest {
  /** Recorded at or after: a day (its midnight UTC) or an instant with its offset. */
  readonly from?: string;
  /** Recorded before (exclusive). */
  readonly to?: string;
}

/** What a read model in log order is asked for: the time range as recorded, and the page window. */
export interface RecordedWindow {
  readonly from?: string;
  readonly to?: string;
  readonly after?: number;
  readonly limit: number;
}

/**
 * The one time-range query of the audit lists: the range in the form the ledger records instants
 * (UTC, milliseconds, so that they compare as text), the page after the cursor, in log order.
 */
export function pageRecordedBetween<T extends { readonly position: string }>(
  request: RecordedBetweenRequest,
  read: (window: RecordedWindow) => readonly T[],
): Page<T> {
  const rows = read({
    from: recordedForm(request.from, 'from'),
    to: recordedForm(request.to, 'to'),
    after: positionAfter(request.cursor),
    limit: request.limit,
  });
  return pageOf(rows, request.limit, (row) => [Number(row.position)]);
}

function recordedForm(instant: string | undefined, name: string): string | undefined {
  if (instant === undefined) return undefined;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw invalidRequest(`${name} is not a valid instant`);
  return new Date(time).toISOString();
}
