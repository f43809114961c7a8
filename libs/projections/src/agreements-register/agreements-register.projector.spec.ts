import type { AgreementEvent } from '@cohesion/domain';
import { type GivenEvent, project } from '../testing';
import { agreementsRegisterProjector } from './agreements-register.projector';
import { findAgreement, listAgreements } from './agreements-register.queries';

const clauses = [{ clauseId: 'c1', text: 'The city lends the hall.' }];
const amended = [{ clauseId: 'c1', text: 'The city lends the hall on Wednesdays.' }];

const on = (agreementId: string, event: AgreementEvent, partnerId?: string): GivenEvent => ({
  stream: `agreement-${agreementId}`,
  event,
  ...(partnerId ? { actor: { sub: `${partnerId}-officer`, partnerId } } : {}),
});

const proposed = (agreementId: string, partnershipId = 'harmony', endsOn?: string): GivenEvent =>
  on(
    agreementId,
    {
      type: 'AgreementProposed',
      data: {
        agreementId,
        partnershipId,
        title: `Agreement ${agreementId}`,
        parties: ['city', 'assoc'],
        version: 1,
        clauses,
        termsHash: `${agreementId}-h1`,
        ...(endsOn ? { endsOn } : {}),
      },
    },
    'city',
  );
const signed = (agreementId: string, partyId: string, version = 1): GivenEvent =>
  on(
    agreementId,
    {
      type: 'AgreementSigned',
      data: { agreementId, partyId, version, termsHash: `${agreementId}-h${version}` },
    },
    partyId,
  );
const inForce = (agreementId: string, version = 1): GivenEvent =>
  on(agreementId, {
    type: 'AgreementEnteredIntoForce',
    data: { agreementId, version, termsHash: `${agreementId}-h${version}` },
  });
const amendment = (agreementId: string): GivenEvent =>
  on(
    agreementId,
    {
      type: 'AgreementAmended',
      data: {
        agreementId,
        amendedBy: 'assoc',
        version: 2,
        clauses: amended,
        termsHash: `${agreementId}-h2`,
        reason: 'Only on Wednesdays',
      },
    },
    'assoc',
  );

/** 2026-01-01T09:00Z plus `n` minutes: the times `project` gives the n-th event. */
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 9, n)).toISOString();

describe('agreements register projector', () => {
  it('registers a proposal: awaiting every party, version 1 and its hash', () => {
    const db = project(agreementsRegisterProjector, [proposed('hall', 'harmony', '2026-12-31')]);
    expect(findAgreement(db, 'hall')).toEqual({
      agreementId: 'hall',
      partnershipId: 'harmony',
      title: 'Agreement hall',
      status: 'awaiting_signatures',
      parties: ['city', 'assoc'],
      currentVersion: 1,
      currentTermsHash: 'hall-h1',
      signatories: [],
      pendingSignatures: ['city', 'assoc'],
      endsOn: '2026-12-31',
      proposedAt: minute(1),
      inForceSince: null,
      closedAt: null,
      closedBy: null,
      closedReason: null,
      updatedAt: minute(1),
      revision: 0,
      seq: 1,
      versions: [
        {
          version: 1,
          termsHash: 'hall-h1',
          clauses,
          reason: null,
          byParty: 'city',
          actor: 'city-officer',
          recordedAt: minute(1),
          effectiveDate: '2026-01-01',
          backfilled: false,
          backfillReason: null,
          enteredIntoForceAt: null,
          signatures: [],
        },
      ],
    });
    expect(findAgreement(db, 'nope')).toBeUndefined();
  });

  it('records a signature: a signatory of the current version, no longer pending', () => {
    const db = project(agreementsRegisterProjector, [proposed('hall'), signed('hall', 'assoc')]);
    expect(findAgreement(db, 'hall')).toMatchObject({
      signatories: ['assoc'],
      pendingSignatures: ['city'],
      revision: 1,
      updatedAt: minute(2),
      versions: [
        {
          signatures: [
            {
              partyId: 'assoc',
              termsHash: 'hall-h1',
              signedAt: minute(2),
              actor: 'assoc-officer',
              void: null,
            },
          ],
        },
      ],
    });
  });

  it('puts the agreement in force once every party signed', () => {
    const db = project(agreementsRegisterProjector, [
      proposed('hall'),
      signed('hall', 'assoc'),
      signed('hall', 'city'),
      inForce('hall'),
    ]);
    expect(findAgreement(db, 'hall')).toMatchObject({
      status: 'in_force',
      signatories: ['assoc', 'city'],
      pendingSignatures: [],
      inForceSince: minute(4),
      versions: [{ version: 1, enteredIntoForceAt: minute(4) }],
    });
  });

  it('keeps an amendment in the history, voids the signatures and awaits every party again', () => {
    const db = project(agreementsRegisterProjector, [
      proposed('hall'),
      signed('hall', 'assoc'),
      signed('hall', 'city'),
      inForce('hall'),
      amendment('hall'),
      signed('hall', 'city', 2),
    ]);
    const agreement = findAgreement(db, 'hall');
    expect(agreement).toMatchObject({
      status: 'awaiting_signatures',
      currentVersion: 2,
      currentTermsHash: 'hall-h2',
      signatories: ['city'],
      pendingSignatures: ['assoc'],
      inForceSince: null,
    });
    expect(agreement?.versions).toEqual([
      expect.objectContaining({ version: 1, termsHash: 'hall-h1', reason: null }),
      {
        version: 2,
        termsHash: 'hall-h2',
        clauses: amended,
        reason: 'Only on Wednesdays',
        byParty: 'assoc',
        actor: 'assoc-officer',
        recordedAt: minute(5),
        effectiveDate: '2026-01-01',
        backfilled: false,
        backfillReason: null,
        enteredIntoForceAt: null,
        signatures: [
          {
            partyId: 'city',
            termsHash: 'hall-h2',
            signedAt: minute(6),
            signedOn: '2026-01-01',
            backfilled: false,
            backfillReason: null,
            actor: 'city-officer',
            void: null,
          },
        ],
      },
    ]);
    // The signatures of version 1 stay listed, void since the amendment that made version 2.
    expect(
      agreement?.versions[0].signatures.map(({ partyId, void: voided }) => [partyId, voided]),
    ).toEqual([
      ['assoc', { byVersion: 2, at: minute(5) }],
      ['city', { byVersion: 2, at: minute(5) }],
    ]);
  });

  it('closes a declined agreement, with who declined and why; nothing is pending', () => {
    const db = project(agreementsRegisterProjector, [
      proposed('hall'),
      on('hall', {
        type: 'AgreementDeclined',
        data: { agreementId: 'hall', partyId: 'assoc', reason: 'Too few hours' },
      }),
    ]);
    expect(findAgreement(db, 'hall')).toMatchObject({
      status: 'declined',
      pendingSignatures: [],
      closedAt: minute(2),
      closedBy: 'assoc',
      closedReason: 'Too few hours',
    });
  });

  it('closes a terminated agreement, with who terminated it and why', () => {
    const db = project(agreementsRegisterProjector, [
      proposed('hall'),
      signed('hall', 'assoc'),
      signed('hall', 'city'),
      inForce('hall'),
      on('hall', {
        type: 'AgreementTerminated',
        data: { agreementId: 'hall', terminatedBy: 'city', reason: 'The hall is sold' },
      }),
    ]);
    expect(findAgreement(db, 'hall')).toMatchObject({
      status: 'terminated',
      closedAt: minute(5),
      closedBy: 'city',
      closedReason: 'The hall is sold',
      // It was in force until then: the signatures still stand in the register.
      signatories: ['assoc', 'city'],
    });
  });

  it('closes an expired agreement on the day it was recorded', () => {
    const db = project(agreementsRegisterProjector, [
      proposed('hall', 'harmony', '2026-01-01'),
      on('hall', { type: 'AgreementExpired', data: { agreementId: 'hall', endsOn: '2026-01-01' } }),
    ]);
    expect(findAgreement(db, 'hall')).toMatchObject({
      status: 'expired',
      endsOn: '2026-01-01',
      closedAt: minute(2),
      closedBy: null,
      closedReason: null,
    });
  });

  it('ignores events it does not project', () => {
    const db = project(agreementsRegisterProjector, [
      {
        stream: 'conflict-x',
        event: { type: 'ConflictAcknowledged', data: { conflictId: 'x', acknowledgedBy: 'city' } },
      },
    ]);
    expect(listAgreements(db, { limit: 10 })).toEqual([]);
  });

  describe('listing', () => {
    const db = project(agreementsRegisterProjector, [
      proposed('a1', 'harmony'),
      proposed('a2', 'elsewhere'),
      on('a3', {
        type: 'AgreementProposed',
        data: {
          agreementId: 'a3',
          partnershipId: 'harmony',
          title: 'Agreement a3',
          parties: ['assoc', 'residents'],
          version: 1,
          clauses,
          termsHash: 'a3-h1',
        },
      }),
      signed('a1', 'assoc'),
      signed('a1', 'city'),
      inForce('a1'),
      proposed('a4', 'harmony'),
    ]);
    const ids = (filter: Parameters<typeof listAgreements>[1]) =>
      listAgreements(db, filter).map((entry) => entry.agreementId);

    it('lists in the order proposed, limit + 1 rows after the cursor', () => {
      expect(ids({ limit: 2 })).toEqual(['a1', 'a2', 'a3']);
      const [, second] = listAgreements(db, { limit: 2 });
      expect(ids({ limit: 2, after: second.seq })).toEqual(['a3', 'a4']);
    });

    it('filters by partnership, status and party, alone or together', () => {
      expect(ids({ limit: 10, partnershipId: 'harmony' })).toEqual(['a1', 'a3', 'a4']);
      expect(ids({ limit: 10, status: 'in_force' })).toEqual(['a1']);
      expect(ids({ limit: 10, status: 'awaiting_signatures' })).toEqual(['a2', 'a3', 'a4']);
      expect(ids({ limit: 10, party: 'residents' })).toEqual(['a3']);
      expect(ids({ limit: 10, party: 'city', partnershipId: 'harmony' })).toEqual(['a1', 'a4']);
      expect(ids({ limit: 1, party: 'city', status: 'awaiting_signatures' })).toEqual(['a2', 'a4']);
      const [first] = listAgreements(db, { limit: 1, party: 'assoc' });
      expect(ids({ limit: 10, party: 'assoc', after: first.seq })).toEqual(['a2', 'a3', 'a4']);
    });
  });
});
