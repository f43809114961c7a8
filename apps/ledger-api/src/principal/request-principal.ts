import type { Principal } from '@cohesion/application';

/** Where the authentication guard leaves the principal on the request. */
export const PRINCIPAL = Symbol('principal');
export type RequestWithPrincipal = { [PRINCIPAL]?: Principal };
