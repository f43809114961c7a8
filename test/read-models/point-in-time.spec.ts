import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { readModelsAtMoment, type Moment } from '@cohesion/application';
import type { DomainEvent } from '@cohesion/domain';
import { type JsonObject, SqliteEventStore } from '@cohesion/event-store';
import {
  listCommitments,
  openReadModelDatabase,
  partnershipAccountability,
  streamIndexProjector,
} from '@cohesion/projections';
import { commitmentEvent, partnershipFoundedWith } from '@cohesion/projections/testing';

/** An act of the generated history: its stream, its event, the day it took effect. */
interface Act {
  readonly stream: string;
  readonly event: DomainEvent;
  readonly effectiveDate: string;
}

const dayOf = (offset: number) =>
  new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** A commitment's life: made, maybe accepted, maybe delivered and confirmed, each later than the last. */
const commitmentLife = fc.record({
  made: fc.integer({ min: 0, max: 200 }),
  dueIn: fc.integer({ min: 1, max: 120 }),
  acceptedAfter: fc.option(fc.integer({ min: 0, max: 30 })),
  deliveredAfter: fc.option(fc.integer({ min: 0, max: 150 })),
  confirmedAfter: fc.integer({ min: 0, max: 20 }),
});

type Life = typeof commitmentLife extends fc.Arbitrary<infer T> ? T : never;

function actsOf(index: number, life: Life): Act[][] {
  const commitmentId = `p--c${index}`;
  const committer = index % 2 === 0 ? 'a' : 'b';
  const accepter = committer === 'a' ? 'b' : 'a';
  const acts: Act[] = [];
  const act = (day: number, given: { stream: string; event: DomainEvent }) =>
    acts.push({ ...given, effectiveDate: dayOf(day) });
  act(
    life.made,
    commitmentEvent('CommitmentMade', {
      commitmentId,
      partnershipId: 'p',
      partnerId: committer,
      beneficiary: { kind: 'group', name: 'Pupils' },
      what: `Commitment ${index}`,
      dueDate: dayOf(life.made + life.dueIn),
      quantity: 10,
      unit: 'hours',
    }),
  );
  if (life.acceptedAfter === null) return [acts];
  const accepted = life.made + life.acceptedAfter;
  act(accepted, commitmentEvent('CommitmentAccepted', { commitmentId, acceptedBy: accepter }));
  if (life.deliveredAfter === null) return [acts];
  const delivered = accepted + life.deliveredAfter;
  const claim = { commitmentId, claimId: 'k', quantity: 10, unit: 'hours' };
  act(
    delivered,
    commitmentEvent('FulfilmentClaimed', {
      ...claim,
      claimedBy: committer,
      evidence: 'Sheets',
      complete: false,
      deliveredOn: dayOf(delivered),
    }),
  );
  const confirmed = delivered + life.confirmedAfter;
  act(confirmed, commitmentEvent('FulfilmentConfirmed', { ...claim, confirmedBy: accepter }));
  act(
    confirmed,
    commitmentEvent('CommitmentFulfilled', { commitmentId, claimId: 'k', deliveredQuantity: 10 }),
  );
  return [acts];
}

/** The partnership's acts, then each commitment's, interleaved in a random log order. */
const history = fc
  .tuple(fc.array(commitmentLife, { minLength: 1, maxLength: 5 }), fc.infiniteStream(fc.nat()))
  .map(([lives, picks]) => {
    const founding = partnershipFoundedWith('p', ['a', 'b']).map((given) => ({
      ...given,
      effectiveDate: dayOf(0),
    }));
    const streams = lives.flatMap((life, index) => actsOf(index, life));
    const log: Act[] = [...founding];
    const pick = picks[Symbol.iterator]();
    while (streams.some((stream) => stream.length > 0)) {
      const open = streams.filter((stream) => stream.length > 0);
      log.push(open[(pick.next().value as number) % open.length].shift() as Act);
    }
    return log;
  });

/** Each act recorded a minute after the one before it in the log. */
const recordedAtOf = (index: number) =>
  new Date(Date.UTC(2026, 9, 1, 9) + index * 60_000).toISOString();

/** A log holding these acts (indexes into the whole history), and its live stream index. */
async function ledgerOf(acts: readonly Act[], indexes: readonly number[]) {
  const store = new SqliteEventStore({ file: ':memory:' });
  for (const index of indexes) {
    const { stream, event, effectiveDate } = acts[index];
    await store.append(
      stream,
      [
        {
          id: `00000000-0000-5000-8000-${String(index + 1).padStart(12, '0')}`,
          type: event.type,
          data: event.data as JsonObject,
          metadata: {
            actor: { sub: 'tester' },
            commandId: `command-${index}`,
            correlationId: `command-${index}`,
            causationId: `command-${index}`,
            schemaVersion: 1,
            effectiveDate,
          },
        },
      ],
      { expectedRevision: 'any', recordedAt: recordedAtOf(index) },
    );
  }
  const live = openReadModelDatabase(':memory:');
  live.exec(streamIndexProjector.schema);
  const index = streamIndexProjector.bind(live);
  for await (const event of store.readAll()) index(event);
  return { store, live };
}

/** What the reports answer, without the log positions (which depend on what else the log holds). */
function answersOf(db: Database.Database, asOf: string) {
  const report = partnershipAccountability(db, 'p', asOf, { limit: 100 });
  const commitments = listCommitments(db, { partnershipId: 'p' }, { limit: 100 }, asOf);
  return JSON.parse(
    JSON.stringify({ report, commitments }, (key, value: unknown) =>
      key === 'position' ? undefined : value,
    ),
  ) as unknown;
}

async function answerAt(acts: readonly Act[], indexes: readonly number[], moment: Moment) {
  const { store, live } = await ledgerOf(acts, indexes);
  const db = await readModelsAtMoment(store, live, ['p'], moment);
  try {
    return answersOf(db, moment.asOf ?? dayOf(400));
  } finally {
    db.close();
    live.close();
    await store.close();
  }
}

const all = (acts: readonly Act[]) => acts.map((_, index) => index);

describe('point-in-time reads', () => {
  it('answer asOf a day never depend on acts that took effect after it', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 0, max: 400 }), async (acts, day) => {
        const asOf = dayOf(day);
        const until = all(acts).filter((index) => acts[index].effectiveDate <= asOf);
        expect(await answerAt(acts, all(acts), { asOf })).toEqual(
          await answerAt(acts, until, { asOf }),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('answer knownAt an instant never depend on acts recorded after it', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.nat(), async (acts, cut) => {
        const known = cut % acts.length;
        const knownAt = recordedAtOf(known);
        const prefix = all(acts).slice(0, known + 1);
        expect(await answerAt(acts, all(acts), { knownAt })).toEqual(
          await answerAt(acts, prefix, { knownAt }),
        );
      }),
      { numRuns: 40 },
    );
  });
});
