import type Database from 'better-sqlite3';
import type { ConflictEvent } from '@cohesion/domain';
import { type GivenEvent, project, recordedEvents } from '../testing';
import { type CaseState, evolveCase } from './conflict-case-state';
import { CASE_SNAPSHOT_INTERVAL } from './conflict-case-snapshots';
import { conflictCaseAt, replayConflictCase } from './conflict-case-timeline.queries';
import { conflictCasesProjector } from './conflict-cases.projector';

/** An envelope as the log holds a sealed field: the state must carry it as it is, unopened. */
const sealed = (n: number) =>
  ({
    sealed: 'aes-256-gcm/1',
    subject: 'martin',
    key: 'key-of-martin',
    nonce: `nonce-${n}`,
    data: `ciphertext-${n}`,
  }) as unknown as string; // the event types say text; sealed logs hold envelopes there

/** The n-th event of a long case: every kind of change the compact state keeps, in turn. */
function eventNumber(conflictId: string, n: number): ConflictEvent {
  const proposalId = `p${Math.floor(n / 7)}`;
  const events: ConflictEvent[] = [
    {
      type: 'StatementRecorded',
      data: { conflictId, statementId: `s${n}`, partyId: 'assoc', text: `Statement ${n}` },
    },
    {
      type: 'MediationSessionHeld',
      data: {
        conflictId,
        sessionId: `m${n}`,
        heldOn: '2026-02-01',
        attendees: ['assoc', 'city'],
        summary: sealed(n),
        recordedBy: 'martin',
      },
    },
    {
      type: 'ResolutionProposed',
      data: { conflictId, proposalId, proposedBy: 'martin', terms: `Terms ${n}` },
    },
    { type: 'ResolutionAccepted', data: { conflictId, proposalId, partyId: 'city' } },
    {
      type: 'ResolutionRejected',
      data: { conflictId, proposalId, partyId: 'assoc', reason: 'No' },
    },
    { type: 'MediatorProposed', data: { conflictId, mediatorId: `mediator-${n}` } },
    {
      type: 'MediatorAccepted',
      data: { conflictId, mediatorId: `mediator-${n}`, partyId: 'assoc' },
    },
  ];
  return events[n % events.length];
}

const raised = (conflictId: string): ConflictEvent => ({
  type: 'ConflictRaised',
  data: {
    conflictId,
    partnershipId: 'harmony',
    raisedBy: 'assoc',
    parties: ['city'],
    subject: { kind: 'free', description: 'Noise after the club' },
    summary: sealed(0),
  },
});

/** A case of `length` events, its events interleaved with those of a shorter case `y`. */
function longCase(length: number): GivenEvent[] {
  const given: GivenEvent[] = [];
  for (let n = 0; n < length; n++) {
    given.push({ stream: 'conflict-x', event: n === 0 ? raised('x') : eventNumber('x', n) });
    if (n < 70) {
      given.push({ stream: 'conflict-y', event: n === 0 ? raised('y') : eventNumber('y', n + 3) });
    }
  }
  return given;
}

/** The state after each event of the case, by revision, as a plain fold from its raise gives it. */
function plainFold(given: readonly GivenEvent[], conflictId: string): CaseState[] {
  const states: CaseState[] = [];
  let state: CaseState | undefined;
  for (const { stream, event } of given) {
    if (stream !== `conflict-${conflictId}`) continue;
    state = evolveCase(state, event as ConflictEvent);
    // As the timeline served it when it stored every state: its JSON, read back.
    states.push(JSON.parse(JSON.stringify(state)) as CaseState);
  }
  return states;
}

const LENGTH = 3 * CASE_SNAPSHOT_INTERVAL + 20;
const BOUNDARIES = [1, 2, 3].map((times) => times * CASE_SNAPSHOT_INTERVAL);
const AROUND_BOUNDARIES = [0, 1, ...BOUNDARIES.flatMap((at) => [at - 1, at, at + 1]), LENGTH - 1];

describe('conflict case states folded from snapshots', () => {
  const given = longCase(LENGTH);
  const db = project(conflictCasesProjector, given);
  const expected = plainFold(given, 'x');

  const replayAll = (conflictId: string, limit: number, after?: number) => {
    const steps = [];
    for (;;) {
      const page = replayConflictCase(db, { conflictId, after, limit }).slice(0, limit);
      steps.push(...page);
      if (page.length < limit) return steps;
      after = page[page.length - 1].revision;
    }
  };

  it('keeps the state every few revisions, never after the raise', () => {
    const snapshots = (conflictId: string) =>
      db
        .prepare('SELECT revision FROM conflict_cases_snapshots WHERE conflict_id = ?')
        .pluck()
        .all(conflictId);
    expect(snapshots('x')).toEqual(BOUNDARIES);
    expect(snapshots('y')).toEqual([CASE_SNAPSHOT_INTERVAL]);
  });

  it('replays in pages of any size with the state a plain fold gives after every event', () => {
    for (const limit of [1, 5, CASE_SNAPSHOT_INTERVAL, 500]) {
      const steps = replayAll('x', limit);
      expect(steps.map((step) => step.revision)).toEqual(expected.map((_, revision) => revision));
      expect(steps.map((step) => step.state)).toStrictEqual(expected);
    }
    expect(replayAll('y', 7).map((step) => step.state)).toStrictEqual(plainFold(given, 'y'));
  });

  it('starts a page anywhere: before, at or after a snapshot, mid-interval, up to a revision', () => {
    for (const after of [...AROUND_BOUNDARIES, 100, 150]) {
      const page = replayConflictCase(db, { conflictId: 'x', after, limit: 9 });
      expect(page.map((step) => step.revision)).toEqual(
        expected.slice(after + 1, after + 11).map((_, index) => after + 1 + index),
      );
      expect(page.map((step) => step.state)).toStrictEqual(expected.slice(after + 1, after + 11));
    }
    const upTo = replayConflictCase(db, { conflictId: 'x', after: 60, upTo: 130, limit: 500 });
    expect(upTo.map((step) => step.state)).toStrictEqual(expected.slice(61, 131));
  });

  it('gives the case as it stood at a revision around each snapshot, and past the last', () => {
    for (const revision of AROUND_BOUNDARIES) {
      expect(conflictCaseAt(db, 'x', { revision })?.state).toStrictEqual(expected[revision]);
    }
    expect(conflictCaseAt(db, 'x', { revision: LENGTH + 10 })?.state).toStrictEqual(
      expected[LENGTH - 1],
    );
  });

  it('gives the case as it stood at an instant: at, just after and just before an event', () => {
    const recordedAt = recordedEvents(given)
      .filter((event) => event.stream === 'conflict-x')
      .map((event) => Date.parse(event.metadata.recordedAt));
    const iso = (time: number) => new Date(time).toISOString();
    for (const revision of AROUND_BOUNDARIES.filter((at) => at > 0)) {
      const at = (time: number) => conflictCaseAt(db, 'x', { at: iso(time) });
      expect(at(recordedAt[revision])?.state).toStrictEqual(expected[revision]);
      expect(at(recordedAt[revision] + 1_000)?.state).toStrictEqual(expected[revision]);
      expect(at(recordedAt[revision] - 1)?.state).toStrictEqual(expected[revision - 1]);
    }
  });

  it('folds from the nearest snapshot at or before the first step, not an earlier one', () => {
    const tampered = withMarkedSnapshot(given, 2 * CASE_SNAPSHOT_INTERVAL);
    const statementsAt = (revision: number) =>
      conflictCaseAt(tampered, 'x', { revision })?.state.statements;
    const marked = expected[2 * CASE_SNAPSHOT_INTERVAL].statements + 1_000_000;
    expect(statementsAt(2 * CASE_SNAPSHOT_INTERVAL - 1)).toBe(
      expected[2 * CASE_SNAPSHOT_INTERVAL - 1].statements,
    );
    expect(statementsAt(2 * CASE_SNAPSHOT_INTERVAL)).toBe(marked);
    expect(statementsAt(2 * CASE_SNAPSHOT_INTERVAL + 5)).toBe(
      expected[2 * CASE_SNAPSHOT_INTERVAL + 5].statements + 1_000_000,
    );
  });
});

/** The case projected anew, its snapshot at `revision` counting a million statements more. */
function withMarkedSnapshot(given: readonly GivenEvent[], revision: number): Database.Database {
  const db = project(conflictCasesProjector, given);
  db.prepare(
    `UPDATE conflict_cases_snapshots
     SET state = json_set(state, '$.statements', json_extract(state, '$.statements') + 1000000)
     WHERE conflict_id = 'x' AND revision = ?`,
  ).run(revision);
  return db;
}
