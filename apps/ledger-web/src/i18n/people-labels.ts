import type { components } from '../api/schema';
import type { MessageKey } from './messages';
import type { Translate } from './use-t';

type Schemas = components['schemas'];

/** The roles a person may hold, in the order the People page offers them. */
export const ROLES = ['admin', 'partner_admin', 'partner', 'mediator', 'auditor'] as const;
export type RoleCode = (typeof ROLES)[number];

export const ROLE: Record<RoleCode, MessageKey> = {
  admin: 'role.admin',
  partner_admin: 'role.partner_admin',
  partner: 'role.partner',
  mediator: 'role.mediator',
  auditor: 'role.auditor',
};

export const PERSON_STATUS: Record<Schemas['PersonDocument']['status'], MessageKey> = {
  invited: 'personStatus.invited',
  active: 'personStatus.active',
  suspended: 'personStatus.suspended',
  removed: 'personStatus.removed',
};

export const SIGN_IN_METHOD: Record<Schemas['SessionDocument']['method'], MessageKey> = {
  password: 'signInMethod.password',
  passkey: 'signInMethod.passkey',
  oidc: 'signInMethod.oidc',
  invitation: 'signInMethod.invitation',
};

const isRole = (code: string): code is RoleCode => code in ROLE;

/** A person's roles, named in the reader's language ("—" for none); unknown codes as they are. */
export function rolesText(roles: readonly string[], t: Translate): string {
  if (roles.length === 0) return t('role.none');
  return roles.map((role) => (isRole(role) ? t(ROLE[role]) : role)).join(', ');
}
