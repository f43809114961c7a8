import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
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

  /** A named throttler's header is `Retry-After-<name>`: every 429 says `Retry-After` too. */
  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
