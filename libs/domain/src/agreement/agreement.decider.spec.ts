import type { CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { AgreementCommand } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementClause, AgreementEvent } from './agreement.events';
import { termsHash } from './terms-hash';

const metadata: CommandMetadata = {
  actor: { sub: 'user-1', partnerId: 'city' },
  now: '2026-11-27T10:00:00.000Z',
};
const agreementId = 'homework-club';
const partnershipId = 'youth-2026';
const spec = deciderSpecification(agreementDecider);

const command = commandsOf<AgreementCommand>(metadata);
const event = eventsOf<AgreementEvent>();

const facts: PartnershipFacts = {
  partnershipId,
  status: 'active',
  memberIds: ['city', 'assoc', 'school'],
  openObjectiveIds: [],
};
const v1: AgreementClause[] = [
  { clauseId: 'c1', text: 'The city lends the hall on Wednesdays.' },
  { clauseId: 'c2', text: 'The association runs the homework club.' },
];
const v2: AgreementClause[] = [
  v1[0],
  { clauseId: 'c2', text: 'The association runs the homework club, school holidays excepted.' },
];
const hash1 = termsHash(agreementId, 1, v1);
const hash2 = termsHash(agreementId, 2, v2);

const proposal = {
  agreementId,
  partnershipId,
  title: 'Homework club',
  parties: ['city', 'assoc'],
  clauses: v1,
};
const propose = (
  data: Partial<typeof proposal> & { endsOn?: string } = {},
  partnership: PartnershipFacts = facts,
) => ({ ...command('ProposeAgreement', { ...proposal, ...data }), partnership });

const proposed = event('AgreementProposed', {
  ...proposal,
  version: 1,
  termsHash: hash1,
});
const proposedUntil = (endsOn: string) => event('AgreementProposed', { ...proposed.data, endsOn });
const amended = event('AgreementAmended', {
  agreementId,
  amendedBy: 'assoc',
  version: 2,
  clauses: v2,
  termsHash: hash2,
  reason: 'no club in the holidays',
});
const signed = (partyId: string, version = 1, hash = hash1) =>
  event('AgreementSigned', { agreementId, partyId, version, termsHash: hash });
const inForce = (version = 1, hash = hash1) =>
  event('AgreementEnteredIntoForce', { agreementId, version, termsHash: hash });
const declined = event('AgreementDeclined', { agreementId, partyId: 'assoc', reason: 'no staff' });
const terminated = event('AgreementTerminated', {
  agreementId,
  terminatedBy: 'city',
  reason: 'hall sold',
});
const expired = event('AgreementExpired', { agreementId, endsOn: '2026-06-30' });

const sign = (partyId: string, hash = hash1) =>
  command('SignAgreement', { agreementId, partyId, termsHash: hash });
const amend = (clauses: AgreementClause[], amendedBy = 'assoc') =>
  command('AmendAgreement', { agreementId, amendedBy, clauses, reason: amended.data.reason });
const decline = (partyId: string) =>
  command('DeclineAgreement', { agreementId, partyId, reason: 'no staff' });
const terminate = (terminatedBy: string) =>
  command('TerminateAgreement', { agreementId, terminatedBy, reason: 'hall sold' });
const expire = command('ExpireAgreement', { agreementId });

describe('Agreement decider', () => {
  describe('proposal', () => {
    it('proposes terms version 1 between members, with the hash the parties will sign', () =>
      spec.given([]).when(propose()).then([proposed]));
    it('records an end date when there is one', () =>
      spec
        .given([])
        .when(propose({ endsOn: '2027-06-30' }))
        .then([proposedUntil('2027-06-30')]));
    it('refuses to propose the same agreement twice', () =>
      spec.given([proposed]).when(propose()).thenThrows('agreement-already-proposed'));
    it('refuses facts about another partnership than the one named', () =>
      spec
        .given([])
        .when(propose({}, { ...facts, partnershipId: 'other' }))
        .thenThrows('agreement-partnership-mismatch'));
    it('refuses a partnership that is suspended or closed', () => {
      for (const status of ['suspended', 'closed'] as const) {
        spec
          .given([])
          .when(propose({}, { ...facts, status }))
          .thenThrows('agreement-partnership-not-open');
      }
    });
    it('refuses a party named twice', () =>
      spec
        .given([])
        .when(propose({ parties: ['city', 'city'] }))
        .thenThrows('agreement-parties-duplicated'));
    it('refuses fewer than two parties', () =>
      spec
        .given([])
        .when(propose({ parties: ['city'] }))
        .thenThrows('agreement-needs-two-parties'));
    it('refuses a party who is not a member of the partnership', () =>
      spec
        .given([])
        .when(propose({ parties: ['city', 'stranger'] }))
        .thenThrows('agreement-party-not-member'));
    it('refuses terms without a clause', () =>
      spec
        .given([])
        .when(propose({ clauses: [] }))
        .thenThrows('agreement-terms-empty'));
    it('refuses two clauses with the same id', () =>
      spec
        .given([])
        .when(propose({ clauses: [v1[0], v1[0]] }))
        .thenThrows('agreement-clauses-duplicated'));
    it('refuses an end date already passed (by the command clock)', () =>
      spec
        .given([])
        .when(propose({ endsOn: '2026-11-26' }))
        .thenThrows('agreement-end-date-passed'));
    it('refuses any other command on an agreement never proposed', () =>
      spec.given([]).when(sign('city')).thenThrows('not-found'));
  });

  describe('amendment', () => {
    it('amends the terms into version 2, with its own hash and the reason', () =>
      spec
        .given([proposed, signed('city')])
        .when(amend(v2))
        .then([amended]));
    it('voids the signatures on earlier terms: a party signs again, on the new version', () =>
      spec
        .given([proposed, signed('city'), amended])
        .when(sign('city', hash2))
        .then([signed('city', 2, hash2)]));
    it('takes an agreement in force back to awaiting signatures', () => {
      const given = [proposed, signed('city'), signed('assoc'), inForce(), amended];
      spec
        .given(given)
        .when(sign('city', hash1))
        .thenThrows('agreement-signature-on-outdated-terms');
      spec.given(given).when(terminate('city')).thenThrows('agreement-not-in-force');
      spec
        .given([...given, signed('city', 2, hash2)])
        .when(sign('assoc', hash2))
        .then([signed('assoc', 2, hash2), inForce(2, hash2)]);
    });
    it('refuses an amendment by someone who is not a party', () =>
      spec.given([proposed]).when(amend(v2, 'school')).thenThrows('agreement-not-a-party'));
    it('refuses an amendment that repeats the current terms', () =>
      spec.given([proposed]).when(amend(v1)).thenThrows('agreement-amendment-changes-nothing'));
    it('refuses amended terms without a clause or with a clause id twice', () => {
      spec.given([proposed]).when(amend([])).thenThrows('agreement-terms-empty');
      spec
        .given([proposed])
        .when(amend([v2[1], v2[1]]))
        .thenThrows('agreement-clauses-duplicated');
    });
  });

  describe('signatures', () => {
    it('records a party signing the hash of the current terms', () =>
      spec
        .given([proposed])
        .when(sign('city'))
        .then([signed('city')]));
    it('puts the agreement in force with the last signature', () =>
      spec
        .given([proposed, signed('city')])
        .when(sign('assoc'))
        .then([signed('assoc'), inForce()]));
    it('refuses a signature on terms that were amended since', () =>
      spec
        .given([proposed, amended])
        .when(sign('city', hash1))
        .thenThrows('agreement-signature-on-outdated-terms'));
    it('refuses a signature on a hash that is no terms version of this agreement', () =>
      spec
        .given([proposed])
        .when(sign('city', termsHash('another', 1, v1)))
        .thenThrows('agreement-signature-on-unknown-terms'));
    it('refuses a signature by someone who is not a party', () =>
      spec.given([proposed]).when(sign('school')).thenThrows('agreement-not-a-party'));
    it('refuses a second signature of the same version by the same party', () =>
      spec
        .given([proposed, signed('city')])
        .when(sign('city'))
        .thenThrows('agreement-already-signed'));
    it('refuses a signature once the end date has passed', () =>
      spec
        .given([proposedUntil('2026-11-26')])
        .when(sign('city'))
        .thenThrows('agreement-end-date-passed'));
  });

  describe('declining', () => {
    it('lets a party decline, which ends the agreement', () =>
      spec.given([proposed]).when(decline('assoc')).then([declined]));
    it('refuses a decline by someone who is not a party', () =>
      spec.given([proposed]).when(decline('school')).thenThrows('agreement-not-a-party'));
    it('refuses a decline by a party who signed the current terms', () =>
      spec
        .given([proposed, signed('assoc')])
        .when(decline('assoc'))
        .thenThrows('agreement-already-signed'));
    it('refuses a decline once in force (terminate instead)', () =>
      spec
        .given([proposed, signed('city'), signed('assoc'), inForce()])
        .when(decline('assoc'))
        .thenThrows('agreement-not-awaiting-signatures'));
  });

  describe('termination and expiry', () => {
    const live = [proposed, signed('city'), signed('assoc'), inForce()];
    it('lets a party terminate an agreement in force, with a reason', () =>
      spec.given(live).when(terminate('city')).then([terminated]));
    it('refuses to terminate an agreement not in force', () =>
      spec.given([proposed]).when(terminate('city')).thenThrows('agreement-not-in-force'));
    it('refuses a termination by someone who is not a party', () =>
      spec.given(live).when(terminate('school')).thenThrows('agreement-not-a-party'));
    it('expires an agreement, in force or still unsigned, after its end date', () => {
      const until = proposedUntil('2026-06-30');
      spec
        .given([until, signed('city'), signed('assoc'), inForce()])
        .when(expire)
        .then([expired]);
      spec.given([until]).when(expire).then([expired]);
    });
    it('refuses to expire an agreement on or before its end date', () =>
      spec
        .given([proposedUntil('2026-11-27')])
        .when(expire)
        .thenThrows('agreement-not-yet-ended'));
    it('refuses to expire an agreement without an end date', () =>
      spec.given(live).when(expire).thenThrows('agreement-without-end-date'));
  });

  describe('closed agreements', () => {
    it('accepts nothing new once declined, terminated or expired', () => {
      const live = [proposedUntil('2026-06-30'), signed('city'), signed('assoc'), inForce()];
      for (const given of [
        [proposed, declined],
        [...live, terminated],
        [...live, expired],
      ]) {
        for (const next of [amend(v2), sign('city'), decline('city'), terminate('city'), expire]) {
          spec.given(given).when(next).thenThrows('agreement-closed');
        }
      }
    });
  });

  describe('state', () => {
    it('folds terms versions, signatures of the current version and status', () => {
      let state = agreementDecider.initialState();
      for (const e of [
        proposed,
        signed('city'),
        signed('assoc'),
        inForce(),
        amended,
        signed('assoc', 2, hash2),
      ])
        state = agreementDecider.evolve(state, e);
      expect(state.status).toBe('awaiting_signatures');
      expect(state.terms.map((terms) => [terms.version, terms.termsHash])).toEqual([
        [1, hash1],
        [2, hash2],
      ]);
      expect(state.signedBy).toEqual(['assoc']);
      expect(state.parties).toEqual(['city', 'assoc']);
    });
  });
});
