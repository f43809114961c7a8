import type { Request } from 'express';
import type { AccessAttempt } from '@cohesion/application';
import { routePatternOf } from '../abuse-limits/request-routes';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';

/** What the access audit records of an HTTP request. */
export function accessAttemptOf(request: Request): AccessAttempt {
  return {
    principal: (request as Request & RequestWithPrincipal)[PRINCIPAL],
    method: request.method,
    route: routePatternOf(request),
    path: request.originalUrl,
    client: request.ip,
  };
}
