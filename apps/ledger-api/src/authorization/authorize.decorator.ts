import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, DECORATORS } from '@nestjs/swagger';
import type { Role } from '@cohesion/application';
import { ApiProblems } from '../problem/api-problems.decorator';
import { Public } from '../principal/public.decorator';
import {
  ACCESS_EXTENSION,
  EXCLUDED_ROLES_EXTENSION,
  REQUIRED_ROLES_EXTENSION,
  requiredRolesOf,
  ROUTE_RULE,
  type RouteRule,
  ruleSentence,
} from './route-rule';

/**
 * States who may call a route: one decorator both enforces the rule (see RouteRuleGuard) and
 * documents it in the OpenAPI document (`x-required-roles`, `x-access`, and a sentence in the
 * operation's description), so that what is documented is what is enforced.
 */
function routeRule(rule: RouteRule): MethodDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_RULE, rule),
    ApiExtension(REQUIRED_ROLES_EXTENSION, [...requiredRolesOf(rule)]),
    ApiExtension(ACCESS_EXTENSION, rule.access),
    ...(rule.access === 'authenticated' && rule.except?.length
      ? [ApiExtension(EXCLUDED_ROLES_EXTENSION, [...rule.except])]
      : []),
    DescribeAccess(ruleSentence(rule)),
    // Any route that needs a principal can answer 401 (none) and 403 (not allowed).
    ...(rule.access === 'public' ? [] : [ApiProblems(401, 403)]),
  );
}

/** Callers holding any one of `roles`; `scope` says the per-object rule checked afterwards. */
export const Authorize = (roles: readonly [Role, ...Role[]], scope?: string) =>
  routeRule({ access: 'roles', roles, ...(scope !== undefined ? { scope } : {}) });

/** Any authenticated caller, whatever its roles. */
export const AuthorizeAnyone = (scope?: string) =>
  routeRule({ access: 'authenticated', ...(scope !== undefined ? { scope } : {}) });

/** Any authenticated caller, whatever its roles; but auditors, who write nothing. */
export const AuthorizeAnyoneWriting = (scope?: string) =>
  routeRule({
    access: 'authenticated',
    except: ['auditor'],
    ...(scope !== undefined ? { scope } : {}),
  });

/** No principal needed: marks the route public for authentication too. */
export const PublicRoute = () => applyDecorators(Public(), routeRule({ access: 'public' }));

/**
 * Adds the sentence to the operation's description, keeping its summary and any description
 * (`ApiOperation` would replace the summary with an empty one when given only a description).
 */
function DescribeAccess(sentence: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object) ??
      {}) as { description?: string };
    const description = [operation.description, sentence].filter(Boolean).join(' ');
    Reflect.defineMetadata(
      DECORATORS.API_OPERATION,
      { ...operation, description },
      descriptor.value as object,
    );
    return descriptor;
  };
}
