import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';
import { type CommandContext, commandContextFor } from '@cohesion/application';
import { routePatternOf } from '../abuse-limits/request-routes';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const CORRELATION_ID_HEADER = 'x-correlation-id';
const KEY = /^[\w.:-]{8,200}$/;

function headerId(request: Request, header: string): string | undefined {
  const value = request.header(header);
  if (value !== undefined && !KEY.test(value)) {
    throw new BadRequestException(`${header} must be 8 to 200 letters, digits or . : _ -`);
  }
  return value;
}

/**
 * The command's context from the request: the principal, the ids (an Idempotency-Key scoped to
 * the principal and the route, see `commandContextFor`) and the clock.
 */
export const CurrentCommandContext = createParamDecorator(
  (_: unknown, host: ExecutionContext): CommandContext => {
    const request = host.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const actor = request[PRINCIPAL];
    if (!actor) throw new Error('CurrentCommandContext used on a route without a principal');
    return commandContextFor({
      actor,
      idempotencyKey: headerId(request, IDEMPOTENCY_KEY_HEADER),
      route: `${request.method} ${routePatternOf(request) ?? request.path}`,
      correlationId: headerId(request, CORRELATION_ID_HEADER),
      ...actOf(request.body),
    });
  },
);

/**
 * The act's own fields of a command body (see ActDto): validated with the body; a route without
 * a body DTO has them checked by the act's rules (a date that is no date is refused there).
 */
function actOf(body: unknown): { effectiveDate?: string; backfillReason?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { effectiveDate, backfillReason } = body as Record<string, unknown>;
  return {
    ...(typeof effectiveDate === 'string' ? { effectiveDate } : {}),
    ...(typeof backfillReason === 'string' ? { backfillReason } : {}),
  };
}
