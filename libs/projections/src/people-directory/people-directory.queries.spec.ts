import type { PersonEvent } from '@cohesion/domain';
import { type GivenEvent, project } from '../testing';
import { peopleDirectoryProjector } from './people-directory.projector';
import { activeMediators } from './people-directory.queries';

const person = <T extends PersonEvent['type']>(
  type: T,
  data: Extract<PersonEvent, { type: T }>['data'],
): GivenEvent => ({ stream: `person-${data.personId}`, event: { type, data } });

/** A person invited with these roles who accepted the invitation: active. */
const signedUp = (personId: string, displayName: string, roles: string[]): GivenEvent[] => [
  person('PersonInvited', {
    personId,
    displayName,
    email: `${personId}@mediation.example`,
    partnerId: null,
    roles,
    invitedBy: 'admin-1',
  }),
  person('InvitationAccepted', { personId, method: 'password' }),
];

describe('the active mediators of the people directory', () => {
  const db = project(peopleDirectoryProjector, [
    ...signedUp('zoe', 'Zoé Laurent', ['mediator']),
    ...signedUp('emile', 'Émile Roux', ['mediator', 'auditor']),
    ...signedUp('claire', 'claire Dubois', ['mediator']),
    ...signedUp('ana', 'Ana Ruiz', ['partner']),
    ...signedUp('sam', 'Sam Suspended', ['mediator']),
    person('PersonSuspended', { personId: 'sam', reason: 'on leave', suspendedBy: 'admin-1' }),
    ...signedUp('rem', 'Rem Removed', ['mediator']),
    person('PersonRemoved', { personId: 'rem', reason: 'left', removedBy: 'admin-1' }),
    ...signedUp('max', 'Max Former', ['mediator']),
    person('PersonRolesChanged', { personId: 'max', roles: ['auditor'], changedBy: 'admin-1' }),
    person('PersonInvited', {
      personId: 'ivy',
      displayName: 'Ivy Invited',
      email: 'ivy@mediation.example',
      partnerId: null,
      roles: ['mediator'],
      invitedBy: 'admin-1',
    }),
  ]);

  it('lists only the active people holding the mediator role, by name, accents and case aside', () =>
    expect(activeMediators(db)).toEqual([
      { personId: 'claire', displayName: 'claire Dubois' },
      { personId: 'emile', displayName: 'Émile Roux' },
      { personId: 'zoe', displayName: 'Zoé Laurent' },
    ]));

  it('lists a suspended mediator again once reinstated, and one given the role', () => {
    const later = project(peopleDirectoryProjector, [
      ...signedUp('sam', 'Sam Back', ['mediator']),
      person('PersonSuspended', { personId: 'sam', reason: 'on leave', suspendedBy: 'admin-1' }),
      person('PersonReinstated', { personId: 'sam', reinstatedBy: 'admin-1' }),
      ...signedUp('kim', 'Kim New', ['auditor']),
      person('PersonRolesChanged', { personId: 'kim', roles: ['mediator'], changedBy: 'admin-1' }),
    ]);
    expect(activeMediators(later)).toEqual([
      { personId: 'kim', displayName: 'Kim New' },
      { personId: 'sam', displayName: 'Sam Back' },
    ]);
  });

  it('lists no one on a directory without mediators', () =>
    expect(activeMediators(project(peopleDirectoryProjector, []))).toEqual([]));
});
