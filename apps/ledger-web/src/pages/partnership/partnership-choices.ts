import type { PartnershipOverview } from '../../api/types';
import type { Choice } from '../../kit/SelectField';

/** The partnership's current partners, by name, for a pick-list. */
export function partnerChoices(overview: PartnershipOverview): Choice[] {
  return overview.partners.map((partner) => ({ value: partner.partnerId, label: partner.name }));
}

/** The objectives still open, for a commitment or an indicator to serve. */
export function openObjectiveChoices(overview: PartnershipOverview): Choice[] {
  return overview.objectives
    .filter((objective) => objective.status === 'open')
    .map((objective) => ({ value: objective.objectiveId, label: objective.title }));
}
