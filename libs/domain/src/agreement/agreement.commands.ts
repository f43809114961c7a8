import type { Command } from '../decider';
import type { PartnershipFacts } from '../partnership';
import type { AgreementClause } from './agreement.events';

/** The parties must be members of an open partnership: the handler folds that partnership. */
export type ProposeAgreement = Command<
  'ProposeAgreement',
  {
    agreementId: string;
    partnershipId: string;
    title: string;
    parties: string[];
    clauses: AgreementClause[];
    /** Last day the agreement is in force (`YYYY-MM-DD`); none means open-ended. */
    endsOn?: string;
  }
> & { readonly partnership: PartnershipFacts };

export type AgreementCommand =
  | ProposeAgreement
  | Command<
      'AmendAgreement',
      { agreementId: string; amendedBy: string; clauses: AgreementClause[]; reason: string }
    >
  /** `termsHash` is the hash of the exact terms version the party read and signs. */
  | Command<'SignAgreement', { agreementId: string; partyId: string; termsHash: string }>
  | Command<'DeclineAgreement', { agreementId: string; partyId: string; reason: string }>
  | Command<'TerminateAgreement', { agreementId: string; terminatedBy: string; reason: string }>
  | Command<'ExpireAgreement', { agreementId: string }>;
