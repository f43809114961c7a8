import type { Session } from '@cohesion/application';

/** Where the authentication guard leaves the session of a cookie-authenticated request. */
export const SESSION = Symbol('session');

export interface RequestSession {
  /** The cookie's value, to end this very session on sign-out. */
  readonly id: string;
  readonly session: Session;
}

export type RequestWithSession = { [SESSION]?: RequestSession };
