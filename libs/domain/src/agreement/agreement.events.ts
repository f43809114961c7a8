/** One clause of the terms; clauses are ordered and each is referred to by its id (e.g. in a conflict). */
export interface AgreementClause {
  readonly clauseId: string;
  readonly text: string;
}

export type AgreementEvent =
  | {
      type: 'AgreementProposed';
      data: {
        agreementId: string;
        partnershipId: string;
        title: string;
        parties: string[];
        /** Always 1: the first terms version. */
        version: number;
        clauses: AgreementClause[];
        /** The hash each party signs (see terms-hash.ts); recorded so anyone can check a signature. */
        termsHash: string;
        endsOn?: string;
      };
    }
  | {
      type: 'AgreementAmended';
      data: {
        agreementId: string;
        amendedBy: string;
        version: number;
        clauses: AgreementClause[];
        termsHash: string;
        reason: string;
      };
    }
  | {
      type: 'AgreementSigned';
      data: { agreementId: string; partyId: string; version: number; termsHash: string };
    }
  | {
      type: 'AgreementEnteredIntoForce';
      data: { agreementId: string; version: number; termsHash: string };
    }
  | { type: 'AgreementDeclined'; data: { agreementId: string; partyId: string; reason: string } }
  | {
      type: 'AgreementTerminated';
      data: { agreementId: string; terminatedBy: string; reason: string };
    }
  | { type: 'AgreementExpired'; data: { agreementId: string; endsOn: string } };
