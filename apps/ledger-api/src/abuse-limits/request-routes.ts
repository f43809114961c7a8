import type { Request } from 'express';

/**
 * The route pattern Express matched (e.g. `/conflicts/:conflictId/replay`), or `null` when no
 * route matched. Cross-cutting rules (rate-limit exemptions, the access audit) match on it rather
 * than on controllers, so that they need no change in any controller.
 */
export function routePatternOf(request: Request): string | null {
  // Express types `route` as any: read it as unknown.
  const route: unknown = (request as { route?: unknown }).route;
  return typeof route === 'object' &&
    route !== null &&
    'path' in route &&
    typeof route.path === 'string'
    ? route.path
    : null;
}
