import type { Role } from '@cohesion/application';

/**
 * Who may call a route. Checked by the route rule guard before the handler runs; a route without
 * one is refused (fail closed). Per-object rules (membership, parties, mediator) are checked
 * afterwards, in the application layer, and `scope` says them in words.
 */
export type RouteRule =
  | {
      readonly access: 'roles';
      /** Any one of them suffices. */
      readonly roles: readonly Role[];
      /** The per-object rule, in words, for the API description. */
      readonly scope?: string;
    }
  /**
   * Any authenticated principal, with or without a role (e.g. a resident giving feedback), but
   * those whose only roles are `except` (auditors, who write nothing).
   */
  | {
      readonly access: 'authenticated';
      readonly except?: readonly Role[];
      readonly scope?: string;
    }
  /** No principal needed (health); the authentication guard lets these through. */
  | { readonly access: 'public' };

export const ROUTE_RULE = 'cohesion-ledger:route-rule';

/** The OpenAPI extension listing the roles, any one of which suffices (empty: none needed). */
export const REQUIRED_ROLES_EXTENSION = 'x-required-roles';
/** The OpenAPI extension listing the roles refused on an `authenticated` route (when held alone). */
export const EXCLUDED_ROLES_EXTENSION = 'x-excluded-roles';
/** The OpenAPI extension saying which kind of rule applies: `public`, `authenticated` or `roles`. */
export const ACCESS_EXTENSION = 'x-access';

/** The sentence the API description gives for a rule. */
export function ruleSentence(rule: RouteRule): string {
  switch (rule.access) {
    case 'public':
      return 'Access: public, no token needed.';
    case 'authenticated': {
      const except = rule.except?.length ? `, but ${rule.except.join(' and ')}s` : '';
      return withScope(
        `Access: any authenticated principal, with or without a role${except}`,
        rule.scope,
      );
    }
    case 'roles':
      return withScope(`Access: requires ${rolesInWords(rule.roles)}`, rule.scope);
  }
}

/** "the role admin", or "one of the roles admin, auditor or partner". */
export function rolesInWords(roles: readonly Role[]): string {
  if (roles.length === 1) return `the role ${roles[0]}`;
  return `one of the roles ${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}

function withScope(sentence: string, scope: string | undefined): string {
  return scope === undefined ? `${sentence}.` : `${sentence}; ${scope}.`;
}

/** Whether the principal's roles are all among those an `authenticated` route refuses. */
export function holdsOnlyExcluded(rule: RouteRule, held: readonly string[]): boolean {
  if (rule.access !== 'authenticated' || !rule.except?.length) return false;
  const except: readonly string[] = rule.except;
  return held.length > 0 && held.every((role) => except.includes(role));
}

export function requiredRolesOf(rule: RouteRule): readonly Role[] {
  return rule.access === 'roles' ? rule.roles : [];
}
