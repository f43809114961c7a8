import type { CommandMetadata } from '@cohesion/domain';
import { ACCESS_ROLES, type AccessRole } from '@cohesion/access-tokens';

/** The roles a principal may hold: the same list the token verifier enforces. */
export const ROLES = ACCESS_ROLES;
export type Role = AccessRole;

/** The authenticated person a request acts for; events record it as their actor. */
export type Principal = CommandMetadata['actor'];
