/** An RFC 9457 problem document; `type` is stable per rule so that clients can branch on it. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are URNs named for the rule they report: `urn:cohesion-ledger:problem:<slug>`. */
export function problemType(slug: string): string {
  return `urn:cohesion-ledger:problem:${slug}`;
}
