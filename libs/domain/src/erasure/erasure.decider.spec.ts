import { type CommandMetadata, fold } from '../decider';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { ErasureCommand } from './erasure.commands';
import { ERASURE_REASON_MAX_LENGTH, erasureDecider } from './erasure.decider';
import type { ErasureEvent } from './erasure.events';

const metadata: CommandMetadata = {
  actor: { sub: 'admin-1', roles: ['admin'] },
  now: '2026-12-02T10:00:00.000Z',
};
const erasureId = 'e-1';
const spec = deciderSpecification(erasureDecider);
const command = commandsOf<ErasureCommand>(metadata);
const event = eventsOf<ErasureEvent>();

const ofPerson = { kind: 'person', personId: 'p-ana' } as const;
const ofResident = { kind: 'resident', feedbackId: 'youth--f-1' } as const;
const residentSubjects = ['resident-youth--f-1', 'resident-youth--f-1-contact'];

const request = (subjects: readonly string[] = ['p-ana'], reason = ' asked by e-mail ') => ({
  ...command('RequestErasure', { erasureId, dataSubject: ofPerson, reason }),
  subjects,
});
const requested = event('ErasureRequested', {
  erasureId,
  dataSubject: ofPerson,
  subjects: ['p-ana'],
  reason: 'asked by e-mail',
  requestedBy: 'admin-1',
});
const carryOut = (removed?: boolean, reason = 'request checked') => ({
  ...command('CarryOutErasure', { erasureId, reason }),
  ...(removed === undefined ? {} : { person: { removed } }),
});
const carriedOut = event('ErasureCarriedOut', {
  erasureId,
  subjects: ['p-ana'],
  reason: 'request checked',
  carriedOutBy: 'admin-1',
  carriedOutAt: '2026-12-02T10:00:00.000Z',
});
const decline = (reason = 'kept by law') => command('DeclineErasure', { erasureId, reason });
const declined = event('ErasureDeclined', {
  erasureId,
  reason: 'kept by law',
  declinedBy: 'admin-1',
});

describe('Erasure decider', () => {
  describe('request', () => {
    it("records a person's request, with its subjects and the reason trimmed", () =>
      spec.given([]).when(request()).then([requested]));
    it("records a resident's request for both of the feedback's subjects, each once", () =>
      spec
        .given([])
        .when({
          ...command('RequestErasure', { erasureId, dataSubject: ofResident, reason: 'asked' }),
          subjects: [...residentSubjects, residentSubjects[0]],
        })
        .then([
          event('ErasureRequested', {
            erasureId,
            dataSubject: ofResident,
            subjects: residentSubjects,
            reason: 'asked',
            requestedBy: 'admin-1',
          }),
        ]));
    it('is recorded once', () =>
      spec.given([requested]).when(request()).thenThrows('erasure-already-requested'));
    it('names whose keys it destroys', () => {
      spec.given([]).when(request([])).thenThrows('erasure-subjects-required');
      spec
        .given([])
        .when(request([' ']))
        .thenThrows('erasure-subjects-required');
    });
    it('says why, in a bounded text', () => {
      spec
        .given([])
        .when(request(['p-ana'], '  '))
        .thenThrows('erasure-reason-required');
      spec
        .given([])
        .when(request(['p-ana'], 'x'.repeat(ERASURE_REASON_MAX_LENGTH + 1)))
        .thenThrows('erasure-reason-too-long');
      spec
        .given([])
        .when(request(['p-ana'], 'x'.repeat(ERASURE_REASON_MAX_LENGTH)))
        .then([
          {
            ...requested,
            data: { ...requested.data, reason: 'x'.repeat(ERASURE_REASON_MAX_LENGTH) },
          },
        ]);
    });
  });

  describe('carrying out', () => {
    it('destroys the subjects of the request, at the instant it is decided', () =>
      spec.given([requested]).when(carryOut(true)).then([carriedOut]));
    it('waits for a person to be removed from the directory first', () => {
      spec.given([requested]).when(carryOut(false)).thenThrows('person-not-removed');
      spec.given([requested]).when(carryOut()).thenThrows('person-not-removed');
    });
    it("needs no directory for a resident's erasure", () => {
      const residentRequested = event('ErasureRequested', {
        ...requested.data,
        dataSubject: ofResident,
        subjects: residentSubjects,
      });
      spec
        .given([residentRequested])
        .when(carryOut())
        .then([{ ...carriedOut, data: { ...carriedOut.data, subjects: residentSubjects } }]);
    });
    it('is done once, and never after a decline', () => {
      spec
        .given([requested, carriedOut])
        .when(carryOut(true))
        .thenThrows('erasure-already-carried-out');
      spec.given([requested, declined]).when(carryOut(true)).thenThrows('erasure-already-declined');
    });
    it('says why', () =>
      spec.given([requested]).when(carryOut(true, ' ')).thenThrows('erasure-reason-required'));
    it('knows no erasure never requested, whatever the reason given', () =>
      spec.given([]).when(carryOut(true, '')).thenThrows('not-found'));
  });

  describe('declining', () => {
    it('records who declined, and why', () =>
      spec.given([requested]).when(decline(' kept by law ')).then([declined]));
    it('is done once, and never after the erasure was carried out', () => {
      spec.given([requested, declined]).when(decline()).thenThrows('erasure-already-declined');
      spec.given([requested, carriedOut]).when(decline()).thenThrows('erasure-already-carried-out');
    });
    it('says why', () =>
      spec.given([requested]).when(decline('')).thenThrows('erasure-reason-required'));
    it('knows no erasure never requested', () =>
      spec.given([]).when(decline()).thenThrows('not-found'));
  });

  it('keeps in its state whose erasure it is and when it was carried out', () => {
    expect(fold(erasureDecider, [requested, carriedOut])).toEqual({
      status: 'carried_out',
      erasureId,
      dataSubject: ofPerson,
      subjects: ['p-ana'],
      carriedOutAt: '2026-12-02T10:00:00.000Z',
    });
  });
});
