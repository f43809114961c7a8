import { ApiProblems } from '../problem/api-problems.decorator';

/**
 * Documents the problems of a GET route served from the read models: those given, and the 503 of
 * a `minPosition` (parameter or x-min-position header) the read models do not reach in time.
 */
export function ApiReadModelQuery(...statuses: number[]) {
  return ApiProblems(...statuses, 503);
}
