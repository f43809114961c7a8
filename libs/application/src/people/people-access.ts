import type { Principal, Role } from '../access/principal';
import { hasRole } from '../access/access-rules';

/** The roles a partner admin may give its own staff: never admin, auditor nor mediator. */
export const PARTNER_STAFF_ROLES: readonly Role[] = ['partner', 'partner_admin'];

/**
 * Who may take part in a conflict, and so read whom to propose as its mediator: administrators,
 * auditors, partners (either partner role) and mediators.
 */
export const CONFLICT_TAKING_PART_ROLES: readonly [Role, ...Role[]] = [
  'admin',
  'auditor',
  'partner',
  'partner_admin',
  'mediator',
];

/** What the rules need to know of a person of the directory. */
export interface DirectoryMember {
  readonly partnerId: string | null;
  readonly roles: readonly string[];
}

/** The partner whose staff this principal manages as a partner admin, if any. */
function managedPartner(principal: Principal): string | undefined {
  return hasRole(principal, 'partner_admin') ? principal.partnerId : undefined;
}

/** Whether the principal may see this person in the directory (admins and auditors see all). */
export function maySeePerson(principal: Principal, person: DirectoryMember): boolean {
  if (hasRole(principal, 'admin') || hasRole(principal, 'auditor')) return true;
  const partnerId = managedPartner(principal);
  return partnerId !== undefined && person.partnerId === partnerId;
}

/** Whether the principal may read the mediators of the directory (see CONFLICT_TAKING_PART_ROLES). */
export function mayReadMediators(principal: Principal): boolean {
  return CONFLICT_TAKING_PART_ROLES.some((role) => hasRole(principal, role));
}

/**
 * Whether the principal may invite a person for this partner with these roles, or remove such a
 * person: an administrator anyone; a partner admin only its own partner's staff, holding no role
 * but the partner roles.
 */
export function mayManagePerson(principal: Principal, person: DirectoryMember): boolean {
  if (hasRole(principal, 'admin')) return true;
  const partnerId = managedPartner(principal);
  return (
    partnerId !== undefined &&
    person.partnerId === partnerId &&
    person.roles.every((role) => (PARTNER_STAFF_ROLES as readonly string[]).includes(role))
  );
}
