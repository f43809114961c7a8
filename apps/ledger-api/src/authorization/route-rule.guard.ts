import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';
import { IS_PUBLIC } from '../principal/public.decorator';
import { holdsOnlyExcluded, rolesInWords, ROUTE_RULE, type RouteRule } from './route-rule';

/**
 * Checks the route rule of every request, after authentication. It fails closed: a route that
 * states no rule is refused, so that a forgotten decorator denies rather than exposes.
 */
@Injectable()
export class RouteRuleGuard implements CanActivate {
  private readonly logger = new Logger(RouteRuleGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const rule = this.reflector.get<RouteRule | undefined>(ROUTE_RULE, context.getHandler());
    if (rule === undefined) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} states no route rule: refused`,
      );
      throw new ForbiddenException('This route states no authorization rule, so it is closed');
    }
    if (rule.access === 'public') return true;
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL];
    // Authentication runs first; without a principal here, nobody vouched for the caller.
    if (principal === undefined) throw new UnauthorizedException('No authenticated principal');
    const held = principal.roles ?? [];
    if (holdsOnlyExcluded(rule, held)) {
      throw new ForbiddenException(`This is refused to ${held.join(' and ')}s: they write nothing`);
    }
    if (rule.access === 'authenticated') return true;
    if (rule.roles.some((role) => held.includes(role))) return true;
    throw new ForbiddenException(`This requires ${rolesInWords(rule.roles)}`);
  }
}
