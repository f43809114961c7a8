import type {
  CommitmentEvent,
  ContributionEvent,
  DomainEvent,
  PartnershipEvent,
  ValuationPolicyEvent,
} from '@cohesion/domain';
import type { GivenEvent } from './projector-specification';

/** Typed given-events for projector specs, each on its aggregate's stream. */
function eventsIn<E extends DomainEvent>(streamOf: (data: E['data']) => string) {
  return <T extends E['type']>(
    type: T,
    data: Extract<E, { type: T }>['data'],
    at?: string,
  ): GivenEvent => ({ stream: streamOf(data), event: { type, data }, ...(at ? { at } : {}) });
}

export const partnershipEvent = eventsIn<PartnershipEvent>(
  ({ partnershipId }) => `partnership-${partnershipId}`,
);
export const commitmentEvent = eventsIn<CommitmentEvent>(
  ({ commitmentId }) => `commitment-${commitmentId}`,
);
export const contributionEvent = eventsIn<ContributionEvent>(
  ({ contributionId }) => `contribution-${contributionId}`,
);
export const policyEvent = eventsIn<ValuationPolicyEvent>(
  ({ policyId }) => `valuation-policy-${policyId}`,
);

/** A partnership founded, then joined by each partner as an association with one responsibility. */
export function partnershipFoundedWith(
  partnershipId: string,
  partnerIds: readonly string[],
): GivenEvent[] {
  return [
    partnershipEvent('PartnershipFounded', {
      partnershipId,
      name: `Partnership ${partnershipId}`,
      purpose: 'Cohesion',
      territory: 'Northside',
      neighbourhoods: ['Les Tilleuls'],
    }),
    ...partnerIds.map((partnerId) =>
      partnershipEvent('PartnerJoined', {
        partnershipId,
        partnerId,
        name: `Partner ${partnerId}`,
        kind: 'association',
        role: 'member',
        responsibilities: ['evaluation'],
      }),
    ),
  ];
}
