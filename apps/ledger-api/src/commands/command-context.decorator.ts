import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';
import type { CommandContext } from '@cohesion/application';

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

/** The command's context from the request: principal, ids and the clock. */
export const CurrentCommandContext = createParamDecorator(
  (_: unknown, host: ExecutionContext): CommandContext => {
    const request = host.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const actor = request[PRINCIPAL];
    if (!actor) throw new Error('CurrentCommandContext used on a route without a principal');
    const commandId = headerId(request, IDEMPOTENCY_KEY_HEADER) ?? randomUUID();
    return {
      actor,
      commandId,
      correlationId: headerId(request, CORRELATION_ID_HEADER) ?? commandId,
      causationId: commandId,
      now: new Date().toISOString(),
    };
  },
);
