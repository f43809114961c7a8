import type { AgreementClause } from './agreement.events';

export type AgreementStatus =
  | 'none'
  | 'awaiting_signatures'
  | 'in_force'
  | 'declined'
  | 'terminated'
  | 'expired';

export interface AgreementTermsVersion {
  readonly version: number;
  readonly clauses: readonly AgreementClause[];
  readonly termsHash: string;
}

/** Plain data (no Map) so that the state can be served as JSON as it stood at any revision. */
export interface AgreementState {
  readonly status: AgreementStatus;
  readonly agreementId?: string;
  readonly partnershipId?: string;
  readonly title?: string;
  readonly parties: readonly string[];
  readonly endsOn?: string;
  /**
   * Every terms version in order, the last being current. Earlier versions are kept so that a
   * signature on outdated terms can be told apart from a hash that never was this agreement's.
   */
  readonly terms: readonly AgreementTermsVersion[];
  /** Parties who signed the current terms version; an amendment voids them all. */
  readonly signedBy: readonly string[];
}

export const initialAgreementState = (): AgreementState => ({
  status: 'none',
  parties: [],
  terms: [],
  signedBy: [],
});

export function currentTerms(state: AgreementState): AgreementTermsVersion | undefined {
  return state.terms.at(-1);
}

/** Declined, terminated or expired: the agreement accepts nothing new. */
export function isAgreementClosed(state: AgreementState): boolean {
  return state.status === 'declined' || state.status === 'terminated' || state.status === 'expired';
}
