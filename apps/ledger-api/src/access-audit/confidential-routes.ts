import type { Request } from 'express';
import { ID_PATTERN } from '../validation/dto-validators';
import { routePatternOf } from '../abuse-limits/request-routes';

const CONFLICT_ROUTE = '/conflicts/:conflictId';
const STREAM_ROUTES = new Set(['/streams/:stream/events', '/streams/:stream/state']);
const CONFLICT_STREAM_PREFIX = 'conflict-';

/**
 * The conflict case a request reads, when it reads a confidential one: the case itself, its
 * replay (and any later sub-resource of a case: statements, sessions), and the raw events or
 * state of its stream. Matched on route patterns, so no controller needs to know it is audited.
 * `undefined` for any other request; `null` when the id is not even a ledger id.
 */
export function confidentialConflictOf(request: Request): string | null | undefined {
  // Express answers HEAD with the GET route: it reads the case just the same.
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const route = routePatternOf(request);
  if (route === null) return undefined;
  const params = request.params as Record<string, string | undefined>;
  if (route === CONFLICT_ROUTE || route.startsWith(`${CONFLICT_ROUTE}/`)) {
    return ledgerIdOrNull(params.conflictId);
  }
  const stream = params.stream;
  if (STREAM_ROUTES.has(route) && stream?.startsWith(CONFLICT_STREAM_PREFIX)) {
    return ledgerIdOrNull(stream.slice(CONFLICT_STREAM_PREFIX.length));
  }
  return undefined;
}

/** The route that answers a page of conflict cases (their summaries and latest session notes). */
const CONFLICT_LIST_ROUTE = '/conflicts';
/** The route that exports every case the reader may see, as a file. */
const CONFLICT_EXPORT_ROUTE = '/exports/conflicts.:format';

/**
 * How a request reads several confidential cases at once: `list` (a page, whose cases the answer
 * names), `export` (a streamed file of every case the reader may see), or `undefined`.
 */
export function readsConflictCases(request: Request): 'list' | 'export' | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const route = routePatternOf(request);
  if (route === CONFLICT_LIST_ROUTE) return 'list';
  if (route === CONFLICT_EXPORT_ROUTE) return 'export';
  return undefined;
}

const ledgerIdOrNull = (value: string | undefined): string | null =>
  value !== undefined && ID_PATTERN.test(value) ? value : null;
