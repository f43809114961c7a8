/**
 * What a use case refuses, independently of the edge that asked (HTTP, CLI): each edge maps the
 * kind to its own answer (403, 404, 400, 503, 500). Domain rules refuse with the domain's own
 * errors; these are the application's: access, requests that cannot be answered, unavailability.
 */
export type ApplicationErrorKind =
  /** The principal may not do this (HTTP 403). */
  | 'access-denied'
  /** Nothing of that name is known, or may be known by this principal (HTTP 404). */
  | 'not-found'
  /** The request cannot be answered as asked: a bad cursor, an unknown instant (HTTP 400). */
  | 'invalid-request'
  /** Not now: a rebuild in progress, say; retrying later may succeed (HTTP 503). */
  | 'unavailable'
  /** The ledger found its own data inconsistent and refuses to answer (HTTP 500). */
  | 'inconsistent';

export class ApplicationError extends Error {
  constructor(
    readonly kind: ApplicationErrorKind,
    message: string,
    /** A short title for the answer, when the kind's generic one says too little. */
    readonly title?: string,
  ) {
    super(message);
    this.name = 'ApplicationError';
  }
}

export const accessDenied = (message: string) => new ApplicationError('access-denied', message);
export const notFound = (message: string) => new ApplicationError('not-found', message);
export const invalidRequest = (message: string) => new ApplicationError('invalid-request', message);

const CONCEALS = Symbol('conceals');

/**
 * Marks a "not found" that hides something which exists (an object of a partnership the principal
 * is no member of, a confidential case): it is answered exactly as the not-found it is, and the
 * access audit records it as a denial.
 */
export function concealing<E extends Error>(error: E): E {
  Object.defineProperty(error, CONCEALS, { value: true });
  return error;
}

/** Whether an error hides something that exists (see `concealing`). */
export function isConcealing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && CONCEALS in error;
}
