import { AccessTokenError } from './access-token-error';
import { ACCESS_ROLES, type AccessRole, isAccessRole } from './roles';

/** Who a verified token authenticates: the principal the ledger records as an event's actor. */
export interface AccessTokenSubject {
  readonly sub: string;
  readonly roles: readonly AccessRole[];
  readonly partnerId?: string;
}

/** The claim carrying the partner a person acts for (snake case, as JWT claims usually are). */
export const PARTNER_ID_CLAIM = 'partner_id';
export const ROLES_CLAIM = 'roles';

/** Same shape as a ledger id (see the API's ID_PATTERN): a partner id is used as one. */
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const MAX_SUB_LENGTH = 200;
/** Roles that act for a partner, so a token holding one must name it. */
const PARTNER_ROLES: readonly string[] = ['partner', 'partner_admin'];
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Everything wrong with these claims, as sentences (empty when they are valid). Shared by the
 * issuer (refuse to sign) and the verifier (refuse to trust), so both hold the same rules.
 */
export function claimProblems(claims: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { sub } = claims;
  if (typeof sub !== 'string' || sub.trim() === '') {
    problems.push('sub must be a non-empty string');
  } else if (sub.length > MAX_SUB_LENGTH || CONTROL_CHARACTERS.test(sub)) {
    problems.push(`sub must be at most ${MAX_SUB_LENGTH} printable characters`);
  } else if (sub.includes('@')) {
    // The actor's sub is written in the metadata of every event they record, which no erasure
    // can reach: it must say nothing about the person by itself (a person id, a client id).
    problems.push(
      'sub must be an opaque id (e.g. a person id), not an e-mail address: it is recorded with every act',
    );
  }
  const roles = claims[ROLES_CLAIM];
  if (!Array.isArray(roles)) {
    problems.push(`roles must be an array (possibly empty) of ${ACCESS_ROLES.join(', ')}`);
  } else {
    const unknown = roles.filter((role) => !isAccessRole(role));
    if (unknown.length > 0) {
      problems.push(
        `roles may only hold ${ACCESS_ROLES.join(', ')} (got ${unknown.map((role) => JSON.stringify(role)).join(', ')})`,
      );
    }
  }
  const partnerId = claims[PARTNER_ID_CLAIM];
  if (partnerId !== undefined && (typeof partnerId !== 'string' || !PARTNER_ID.test(partnerId))) {
    problems.push(`${PARTNER_ID_CLAIM} must be a ledger id (1-100 letters, digits, _ or -)`);
  }
  const partnerRole = Array.isArray(roles)
    ? PARTNER_ROLES.find((role) => (roles as unknown[]).includes(role))
    : undefined;
  if (partnerRole !== undefined && partnerId === undefined) {
    problems.push(
      `the ${partnerRole} role needs ${PARTNER_ID_CLAIM}: the partner the person acts for`,
    );
  }
  return problems;
}

/** The subject of claims that already passed signature, issuer, audience and time checks. */
export function subjectOf(claims: Record<string, unknown>): AccessTokenSubject {
  const problems = claimProblems(claims);
  if (problems.length > 0) {
    throw new AccessTokenError(
      'invalid-claims',
      `The access token's claims are invalid: ${problems.join('; ')}`,
    );
  }
  const roles = [...new Set(claims[ROLES_CLAIM] as AccessRole[])];
  const partnerId = claims[PARTNER_ID_CLAIM] as string | undefined;
  return { sub: claims.sub as string, roles, ...(partnerId !== undefined ? { partnerId } : {}) };
}
