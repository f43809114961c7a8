/** The roles a principal may hold; a token naming any other role is refused, not trimmed. */
export const ACCESS_ROLES = ['partner', 'mediator', 'admin', 'auditor'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}
