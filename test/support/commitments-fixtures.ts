import { partnershipWith as foundWithPartners, inPartnership } from './partnership-fixtures';
import { type LedgerClient, partner } from './ledger-client';

export { inPartnership };

/** Far enough ahead that a commitment made with it is never due in the past. */
export const DUE_DATE = '2099-06-30';

/** Founds a partnership through the HTTP API, with an open objective and these partners. */
export async function partnershipWith(
  api: LedgerClient,
  partnershipId: string,
  partnerIds: readonly string[],
): Promise<void> {
  await foundWithPartners(api, partnershipId, partnerIds);
  await api
    .post(`/partnerships/${partnershipId}/objectives`, {
      objectiveId: 'dropout',
      title: 'Halve school dropout',
      description: 'Among 15-18 year olds, by 2028',
    })
    .expect(201);
}

export interface CommitmentTerms {
  readonly what?: string;
  readonly dueDate?: string;
  readonly quantity?: number;
  readonly unit?: string;
}

/** A commitment made by `committer` to a group, as that partner. */
export function makeCommitment(
  api: LedgerClient,
  partnershipId: string,
  commitmentId: string,
  committer: string,
  terms: CommitmentTerms = { quantity: 40, unit: 'hours' },
) {
  return api.post(
    '/commitments',
    {
      commitmentId,
      partnershipId,
      what: 'Tutoring for pupils at risk of dropping out',
      dueDate: DUE_DATE,
      beneficiary: { kind: 'group', name: '15-18 year olds of Les Tilleuls' },
      kind: 'volunteer_time',
      ...terms,
    },
    partner(committer),
  );
}

/**
 * Made by `committer`, accepted by `accepter`: ready to take fulfilment claims. Answers the id
 * the ledger recorded, `<partnershipId>--<commitmentId>`.
 */
export async function acceptedCommitment(
  api: LedgerClient,
  partnershipId: string,
  commitmentId: string,
  committer: string,
  accepter: string,
  terms?: CommitmentTerms,
): Promise<string> {
  await makeCommitment(api, partnershipId, commitmentId, committer, terms).expect(201);
  const recorded = inPartnership(partnershipId, commitmentId);
  await api.post(`/commitments/${recorded}/acceptance`, {}, partner(accepter)).expect(200);
  return recorded;
}
