import type { LedgerClient } from './ledger-client';

/**
 * The id the ledger records for an object a request creates in a partnership (a commitment, a
 * contribution, an agreement, a conflict, feedback): the id the client chose, qualified by the
 * partnership. Spelled out here rather than imported, so that the tests notice if it changes.
 */
export const inPartnership = (partnershipId: string, id: string): string =>
  `${partnershipId}--${id}`;

/**
 * Founds an active partnership through the API (as an admin) and has each partner join it:
 * a list of ids joins as associations, a record gives each partner its kind.
 */
export async function partnershipWith(
  api: LedgerClient,
  partnershipId: string,
  partners: readonly string[] | Readonly<Record<string, string>>,
): Promise<void> {
  await api
    .post('/partnerships', {
      partnershipId,
      name: `Partnership ${partnershipId}`,
      purpose: 'Strengthen social cohesion across the neighbourhoods of Northside',
      territory: 'Northside',
      neighbourhoods: ['Les Tilleuls', 'La Source'],
    })
    .expect(201);
  const kinds = isList(partners)
    ? partners.map((partnerId): [string, string] => [partnerId, 'association'])
    : Object.entries(partners);
  for (const [partnerId, kind] of kinds) {
    await api
      .post(`/partnerships/${partnershipId}/partners`, {
        partnerId,
        name: partnerId,
        kind,
        role: 'member',
        responsibilities: ['evaluation'],
      })
      .expect(201);
  }
}

function isList(
  partners: readonly string[] | Readonly<Record<string, string>>,
): partners is readonly string[] {
  return Array.isArray(partners);
}
