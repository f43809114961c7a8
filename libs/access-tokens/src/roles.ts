/**
 * The roles a principal may hold; a token naming any other role is refused, not trimmed.
 * `partner_admin` invites and removes its own partner's staff in the people directory.
 */
export const ACCESS_ROLES = ['partner', 'mediator', 'admin', 'auditor', 'partner_admin'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}
