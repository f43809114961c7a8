import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PRINCIPAL, type RequestWithPrincipal, type Role, ROLES } from './principal';
import { IS_PUBLIC } from './public.decorator';

export const ACTOR_HEADER = 'x-ledger-actor';
export const PARTNER_HEADER = 'x-ledger-partner-id';
export const ROLES_HEADER = 'x-ledger-roles';
const IDENTIFIER = /^[\w.@:-]{1,200}$/;

/**
 * Until authentication lands, the principal is read from development headers. Only this guard
 * knows where the principal comes from: replacing it with a token guard changes nothing else.
 */
@Injectable()
export class DevelopmentPrincipalGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const sub = request.header(ACTOR_HEADER);
    if (!sub || !IDENTIFIER.test(sub)) {
      throw new UnauthorizedException(
        `Send the acting person in the ${ACTOR_HEADER} header (letters, digits, . @ : _ -)`,
      );
    }
    const partnerId = request.header(PARTNER_HEADER);
    if (partnerId !== undefined && !IDENTIFIER.test(partnerId)) {
      throw new UnauthorizedException(`${PARTNER_HEADER} is not a valid partner id`);
    }
    const roles = (request.header(ROLES_HEADER) ?? '')
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean);
    const unknown = roles.filter((role) => !ROLES.includes(role as Role));
    if (unknown.length > 0) throw new UnauthorizedException(`Unknown roles: ${unknown.join(', ')}`);
    request[PRINCIPAL] = { sub, ...(partnerId ? { partnerId } : {}), roles };
    return true;
  }
}
