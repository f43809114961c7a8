import type { LedgerClient } from '../api/client';
import type { PartnershipOverview } from '../api/types';
import { unwrap } from '../api/use-load';

/** Partner ids as people know them: each partner's name in the partnership, the id otherwise. */
export type PartnerNames = (partnerId: string) => string;

export function partnerNamesOf(overview: PartnershipOverview): PartnerNames {
  const names = new Map(
    [...overview.partners, ...overview.formerPartners].map((partner) => [
      partner.partnerId,
      partner.name,
    ]),
  );
  return (partnerId) => names.get(partnerId) ?? partnerId;
}

export async function loadPartnerNames(
  client: LedgerClient,
  partnershipId: string,
): Promise<PartnerNames> {
  const overview = await client
    .GET('/partnerships/{partnershipId}', { params: { path: { partnershipId } } })
    .then(unwrap);
  return partnerNamesOf(overview);
}
