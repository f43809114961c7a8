import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { routePatternOf } from './request-routes';

/** Routes that orchestrators and load balancers poll: never limited, never a reason for 429. */
const UNLIMITED_ROUTES = new Set(['/health']);

/**
 * The rate limit, in front of authentication so that guessing tokens is limited too. Over the
 * limit the guard answers 429 with `Retry-After` (seconds); the problem filter renders it.
 */
@Injectable()
export class LedgerThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const route = routePatternOf(context.switchToHttp().getRequest<Request>());
    return Promise.resolve(route !== null && UNLIMITED_ROUTES.has(route));
  }
}
