import { unwrap, useLoad } from '../../api/use-load';
import type { LedgerClient } from '../../api/client';
import type { Choice } from '../../kit/SelectField';

/**
 * Every partner of the partnerships the person may see (partner ids are the ledger's, across
 * partnerships): one choice each, named with its partnerships, in alphabetical order.
 */
export async function loadPartnerChoices(client: LedgerClient): Promise<Choice[]> {
  const partnerships = await client
    .GET('/partnerships', { params: { query: { limit: 100 } } })
    .then(unwrap);
  const overviews = await Promise.all(
    partnerships.items.map(({ partnershipId }) =>
      client
        .GET('/partnerships/{partnershipId}', { params: { path: { partnershipId } } })
        .then(unwrap),
    ),
  );
  const partners = new Map<string, { name: string; partnerships: string[] }>();
  for (const overview of overviews) {
    for (const partner of overview.partners) {
      const known = partners.get(partner.partnerId) ?? { name: partner.name, partnerships: [] };
      known.partnerships.push(overview.name);
      partners.set(partner.partnerId, known);
    }
  }
  return [...partners]
    .map(([partnerId, { name, partnerships: of }]) => ({
      value: partnerId,
      label: `${name} (${of.join(', ')})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The partner choices, none until loaded (or when the ledger refused to list them). */
export function usePartnerChoices(): readonly Choice[] {
  const loaded = useLoad(loadPartnerChoices, []);
  return loaded.status === 'loaded' ? loaded.data : [];
}
