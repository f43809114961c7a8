import type { Request } from 'express';
import { AccessTokenError } from '@cohesion/access-tokens';
import { type Principal, type Role, ROLES } from '@cohesion/application';

export const ACTOR_HEADER = 'x-ledger-actor';
export const PARTNER_HEADER = 'x-ledger-partner-id';
export const ROLES_HEADER = 'x-ledger-roles';
const IDENTIFIER = /^[\w.:-]{1,200}$/;

/**
 * Development only (LEDGER_DEV_PRINCIPAL_HEADERS=true): the principal as the request claims it
 * in plain headers, unsigned. Undefined when the request sends none, so a token is asked for.
 */
export function principalFromDevelopmentHeaders(request: Request): Principal | undefined {
  const sub = request.header(ACTOR_HEADER);
  if (!sub) return undefined;
  const refuse = (message: string) => new AccessTokenError('invalid-claims', message);
  if (!IDENTIFIER.test(sub))
    throw refuse(`${ACTOR_HEADER} must be an opaque id: letters, digits or . : _ - (no e-mail)`);
  const partnerId = request.header(PARTNER_HEADER);
  if (partnerId !== undefined && !IDENTIFIER.test(partnerId)) {
    throw refuse(`${PARTNER_HEADER} is not a valid partner id`);
  }
  const roles = (request.header(ROLES_HEADER) ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw refuse(`Unknown roles in ${ROLES_HEADER}: ${unknown.join(', ')}`);
  return { sub, ...(partnerId ? { partnerId } : {}), roles };
}
