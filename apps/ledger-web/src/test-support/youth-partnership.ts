/**
 * An active partnership with no partners yet: the fields of `GET /partnerships/youth` the pages
 * read (the fake ledger answers it as it is).
 */
export const YOUTH_PARTNERSHIP = {
  partnershipId: 'youth',
  name: 'Youth empowerment',
  purpose: 'Reduce school dropout',
  territory: 'Northside',
  neighbourhoods: [],
  status: 'active',
  statusReason: null,
  defaultValuationPolicyId: null,
  foundedOn: '2026-10-01',
  revision: '3',
  partners: [],
  formerPartners: [],
  objectives: [],
};
