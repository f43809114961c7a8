import { generateKeySync } from 'node:crypto';
import type { PersonEvent } from '@cohesion/domain';
import { openAll, sealValue, SqliteKeyStore } from '@cohesion/personal-data';
import { type GivenEvent, project } from '../testing';
import { peopleDirectoryProjector } from './people-directory.projector';
import {
  directoryEntry,
  listPeople,
  personalToken,
  personalTokensOf,
  personByEmail,
  personById,
  personByIdentityProviderSubject,
} from './people-directory.queries';

const person = <T extends PersonEvent['type']>(
  type: T,
  data: Extract<PersonEvent, { type: T }>['data'],
): GivenEvent => ({ stream: `person-${data.personId}`, event: { type, data } });

const invited = (
  personId: string,
  email: string,
  partnerId: string | null,
  roles: string[],
  identityProviderSubject?: string,
) =>
  person('PersonInvited', {
    personId,
    displayName: `Person ${personId}`,
    email,
    partnerId,
    roles,
    ...(identityProviderSubject ? { identityProviderSubject } : {}),
    invitedBy: 'admin-1',
  });

/** Legacy e-mails in clear need no opening; a sealed one would not match. */
const inClear = (text: unknown) => (typeof text === 'string' ? text : '');

const given: GivenEvent[] = [
  invited('ana', 'Ana@Acme.example', 'acme', ['partner']),
  person('InvitationAccepted', { personId: 'ana', method: 'password' }),
  invited('sam', 'sam@sos.example', 'sos', ['partner', 'partner_admin']),
  person('PersonalTokenIssued', {
    personId: 'ana',
    tokenId: 't-1',
    label: 'script',
    expiresAt: '2026-02-01T00:00:00.000Z',
    issuedBy: 'ana',
  }),
  person('PersonRolesChanged', {
    personId: 'ana',
    roles: ['partner', 'partner_admin'],
    changedBy: 'admin-1',
  }),
  person('PersonalTokenRevoked', { personId: 'ana', tokenId: 't-1', revokedBy: 'admin-1' }),
  person('PersonSuspended', { personId: 'sam', reason: 'left', suspendedBy: 'admin-1' }),
  person('PersonReinstated', { personId: 'sam', reinstatedBy: 'admin-1' }),
  invited('eve', 'eve@city.example', null, ['admin'], 'kc-42'),
  invited('kim', 'kim@city.example', null, ['auditor'], 'kc-7'),
  person('PersonRemoved', { personId: 'eve', reason: 'left', removedBy: 'admin-1' }),
];

describe('people directory projector', () => {
  const db = project(peopleDirectoryProjector, given);

  it('knows each person by id: status, partner and current roles', () => {
    expect(directoryEntry(db, 'ana')).toEqual({
      personId: 'ana',
      status: 'active',
      partnerId: 'acme',
      roles: ['partner', 'partner_admin'],
    });
    expect(directoryEntry(db, 'nobody')).toBeUndefined();
    expect(personById(db, 'ana')).toMatchObject({
      displayName: 'Person ana',
      email: 'Ana@Acme.example',
      invitedBy: 'admin-1',
    });
  });

  it('puts a reinstated person back where they were (an invitation never accepted)', () =>
    expect(directoryEntry(db, 'sam')?.status).toBe('invited'));

  it('finds a person by e-mail whatever its case, but not a removed person', () => {
    expect(personByEmail(db, ' ana@ACME.example', inClear)?.personId).toBe('ana');
    expect(personByEmail(db, 'eve@city.example', inClear)).toBeUndefined();
    expect(personByIdentityProviderSubject(db, 'kc-42')).toBeUndefined();
    expect(personByIdentityProviderSubject(db, 'kc-7')?.personId).toBe('kim');
    expect(directoryEntry(db, 'eve')?.status).toBe('removed');
  });

  it('keeps a sealed name and e-mail sealed, and finds the person by opening the e-mails', () => {
    const keys = SqliteKeyStore.open(':memory:', generateKeySync('aes', { length: 256 }));
    const sealed = (value: string) => sealValue(value, 'lou', keys.currentKey('lou'));
    const withSealed = project(peopleDirectoryProjector, [
      ...given,
      person('PersonInvited', {
        personId: 'lou',
        displayName: sealed('Lou Martin') as unknown as string, // as recorded since issue 18
        email: sealed('lou@city.example') as unknown as string,
        partnerId: null,
        roles: ['mediator'],
        invitedBy: 'admin-1',
      }),
    ]);
    const open = (text: unknown) => openAll(text as never, keys).value as string;
    const row = withSealed
      .prepare(
        'SELECT display_name, email, email_key FROM people_directory_people WHERE person_id = ?',
      )
      .get('lou');
    expect(JSON.stringify(row)).not.toMatch(/Lou Martin|lou@city/);
    expect(personByEmail(withSealed, 'LOU@city.example', open)?.personId).toBe('lou');
    expect(personByEmail(withSealed, 'lou@city.example', inClear)).toBeUndefined();
    expect(open(personById(withSealed, 'lou')?.displayName)).toBe('Lou Martin');
    keys.destroySubjectKeys('lou', new Date('2026-12-02T10:00:00Z'));
    expect(personByEmail(withSealed, 'lou@city.example', open)).toBeUndefined();
    expect(open(personById(withSealed, 'lou')?.email)).toBe('[erased 2026-12-02]');
  });

  it('lists people in the order they were invited, by partner and status', () => {
    const ids = (filters: Partial<Parameters<typeof listPeople>[1]>) =>
      listPeople(db, { limit: 10, ...filters }).map((row) => row.personId);
    expect(ids({})).toEqual(['ana', 'sam', 'eve', 'kim']);
    expect(ids({ limit: 1, after: listPeople(db, { limit: 1 })[0].seq })).toEqual(['sam', 'eve']);
    expect(ids({ partnerId: 'sos' })).toEqual(['sam']);
    expect(ids({ status: 'removed' })).toEqual(['eve']);
  });

  it('keeps personal tokens and their revocation', () => {
    expect(personalToken(db, 't-1')).toMatchObject({
      personId: 'ana',
      revokedAt: expect.any(String) as string,
    });
    expect(personalTokensOf(db, 'ana').map((token) => token.tokenId)).toEqual(['t-1']);
    expect(personalToken(db, 'unknown')).toBeUndefined();
  });
});
