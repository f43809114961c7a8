import type { LedgerClient } from './ledger-client';

/** Invites a partner's staff member through the API (as an admin): `<personId>@<partnerId>.example`. */
export async function invitePerson(
  api: LedgerClient,
  personId: string,
  partnerId = 'acme',
): Promise<void> {
  await api
    .post('/people', {
      personId,
      displayName: `Person ${personId}`,
      email: `${personId}@${partnerId}.example`,
      partnerId,
      roles: ['partner'],
    })
    .expect(201);
}
