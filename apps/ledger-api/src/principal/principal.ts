import type { CommandMetadata } from '@cohesion/domain';

export const ROLES = ['partner', 'mediator', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated person a request acts for; events record it as their actor. */
export type Principal = CommandMetadata['actor'];

/** Where the guard leaves the principal on the request. */
export const PRINCIPAL = Symbol('principal');
export type RequestWithPrincipal = { [PRINCIPAL]?: Principal };
