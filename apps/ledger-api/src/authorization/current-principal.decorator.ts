import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { type Principal } from '@cohesion/application';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';

/** The authenticated principal of the request: what a query's per-object rules are checked for. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, host: ExecutionContext): Principal => {
    const principal = host.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL];
    // Only reachable on a route that was declared public by mistake: deny rather than guess.
    if (!principal) throw new UnauthorizedException('No authenticated principal');
    return principal;
  },
);
