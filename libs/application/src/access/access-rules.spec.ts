import type { Principal } from './principal';
import {
  type CaseParticipants,
  mayActIn,
  mayActOnConflict,
  maySeeConflict,
  partnerOf,
  readsEverything,
} from './access-rules';

const admin: Principal = { sub: 'a', roles: ['admin'] };
const auditor: Principal = { sub: 'b', roles: ['auditor'] };
const acme: Principal = { sub: 'c', partnerId: 'acme', roles: ['partner'] };
const mediator: Principal = { sub: 'claire-mediation', roles: ['mediator'] };
const resident: Principal = { sub: 'r' };

const hall: CaseParticipants = {
  raisedBy: 'assoc',
  parties: ['city'],
  mediatorId: 'claire-mediation',
  proposedMediatorId: null,
};

describe('access rules', () => {
  it('lets administrators and auditors read everything, and no one else', () => {
    expect([admin, auditor, acme, mediator, resident].map(readsEverything)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('takes the partner id only from a principal holding the partner role', () => {
    expect(partnerOf(acme)).toBe('acme');
    expect(partnerOf({ sub: 'x', partnerId: 'acme', roles: ['mediator'] })).toBeUndefined();
  });

  it('lets a partner act only in a partnership it is a member of; an administrator in any', () => {
    expect(mayActIn(acme, ['acme', 'city'])).toBe(true);
    expect(mayActIn(acme, ['city'])).toBe(false);
    expect(mayActIn(admin, [])).toBe(true);
    expect(mayActIn(auditor, ['acme'])).toBe(false);
  });

  it('keeps a case to its raiser, parties, mediator, administrators and auditors', () => {
    const party = (partnerId: string): Principal => ({ ...acme, partnerId });
    expect(maySeeConflict(party('assoc'), hall)).toBe(true);
    expect(maySeeConflict(party('city'), hall)).toBe(true);
    expect(maySeeConflict(mediator, hall)).toBe(true);
    expect(maySeeConflict(auditor, hall)).toBe(true);
    expect(maySeeConflict(acme, hall)).toBe(false);
    expect(maySeeConflict({ ...mediator, sub: 'another-mediation' }, hall)).toBe(false);
    // The mediator's sub without the mediator role is not the mediator.
    expect(maySeeConflict({ sub: mediator.sub, roles: [] }, hall)).toBe(false);
  });

  it('shows a case to the mediator proposed for it, while the parties answer', () => {
    const pending = { ...hall, mediatorId: null, proposedMediatorId: mediator.sub };
    expect(maySeeConflict(mediator, pending)).toBe(true);
  });

  it('lets auditors read a case but not act on it', () => {
    expect(mayActOnConflict(auditor, hall)).toBe(false);
    expect(mayActOnConflict(admin, hall)).toBe(true);
  });
});
