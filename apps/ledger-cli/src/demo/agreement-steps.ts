import { type AgreementClause, termsHash } from '@cohesion/domain';
import type { DemoRecorder } from './demo-recorder';
import { as, type DemoPartner } from './demo-cast';

/** An agreement a partner proposes, every party signing its first terms version. */
export async function proposeAndSign(
  demo: DemoRecorder,
  agreement: {
    id: string;
    partnershipId: string;
    title: string;
    proposedBy: DemoPartner;
    parties: DemoPartner[];
    clauses: AgreementClause[];
    endsOn?: string;
  },
): Promise<void> {
  const { id, partnershipId, title, proposedBy, parties, clauses, endsOn } = agreement;
  await demo.agreement(`agreement-${id}`, as(proposedBy), 'ProposeAgreement', {
    agreementId: id,
    partnershipId,
    title,
    parties: parties.map((party) => party.partnerId),
    clauses,
    ...(endsOn ? { endsOn } : {}),
  });
  await signAll(demo, id, 1, clauses, parties);
}

/** Every party signs the terms version (its hash, as each party's software computes it). */
export async function signAll(
  demo: DemoRecorder,
  agreementId: string,
  version: number,
  clauses: AgreementClause[],
  parties: DemoPartner[],
): Promise<void> {
  const hash = termsHash(agreementId, version, clauses);
  for (const party of parties) {
    await demo.agreement(
      `sign-${agreementId}-v${version}-${party.partnerId}`,
      as(party),
      'SignAgreement',
      {
        agreementId,
        partyId: party.partnerId,
        termsHash: hash,
      },
    );
  }
}
