import { generateKeySync, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sealEventData } from '@cohesion/application';
import {
  type EventStore,
  eventIdFor,
  type JsonObject,
  type NewEvent,
  SqliteEventStore,
} from '@cohesion/event-store';
import { keyStorePath, SqliteKeyStore } from '@cohesion/personal-data';
import { generateDomainLog } from '../domain-log/generate-domain-log';
import { rebuildReadModels, withStore } from '../domain-log/rebuilt-read-models';
import { measureInTurns } from '../harness/measure';
import type { Measurement, MeasurementDescription, Ratio, Suite } from '../harness/types';

const EVENTS_PER_APPEND = 100;

/** A statement as a party's staff member writes it: about 300 characters. */
const STATEMENT =
  'We were told the hall would be open on Wednesday afternoons for the homework club, and twice ' +
  'the caretaker turned the children away; Mme Martin, who leads the club, had to send them home ' +
  'and call every parent. We ask that the opening hours be written down and shared with us.';

/** A resident's public feedback, with the contact details they left. */
const feedbackOf = (feedbackId: string): JsonObject => ({
  feedbackId,
  partnershipId: 'northside',
  subject: { kind: 'partnership' },
  rating: 3,
  text: 'The lighting on the path to the bus stop has been off for weeks; my son walks there at 7.',
  channel: 'web',
  submitterCategory: 'resident',
  contact: { name: 'Mireille Fontaine', email: 'mireille@example.org', phone: '06 12 34 56 78' },
});

const statementEvent = (index: number, data: JsonObject): NewEvent => ({
  id: eventIdFor(`bench-statement-${index}`, 0),
  type: 'StatementRecorded',
  data,
  metadata: {
    actor: { sub: `person-${index % 50}`, partnerId: 'acme', roles: ['partner'] },
    commandId: `bench-statement-${index}`,
    correlationId: `bench-statement-${index}`,
    causationId: `bench-statement-${index}`,
    schemaVersion: 1,
  },
});

/**
 * What sealing personal fields costs (issue 18): sealing itself (a statement by someone whose key
 * is cached; a resident's feedback, whose two new keys are written with one sync of the key
 * store), appends of events holding personal text, sealed or in clear, and a rebuild of every
 * read model from a log generated with its personal fields sealed or in clear. Each pair is
 * measured in turns in the same run.
 */
export const personalDataSuite: Suite = async ({ runs, warmups, quick, scratch, log }) => {
  const appended = quick ? 5_000 : 20_000;
  const residents = quick ? 100 : 400;
  const rebuildEvents = quick ? 20_000 : 40_000;
  const keys = SqliteKeyStore.open(
    keyStorePath(join(scratch, 'keys')),
    generateKeySync('aes', { length: 256 }),
  );
  const actor = (index: number) => ({ sub: `person-${index % 50}`, roles: ['partner'] });
  const statementData = (index: number): JsonObject => ({
    conflictId: 'northside--hall',
    statementId: `s-${index}`,
    partyId: 'acme',
    text: STATEMENT,
  });
  let store = 0;
  const appendAll = async (sealed: boolean) => {
    const events = new SqliteEventStore({ file: join(scratch, `appends-${(store += 1)}.sqlite`) });
    try {
      const started = process.hrtime.bigint();
      for (let first = 0; first < appended; first += EVENTS_PER_APPEND) {
        const batch = Array.from({ length: EVENTS_PER_APPEND }, (_, offset) => {
          const index = first + offset;
          const data = statementData(index);
          return statementEvent(
            index,
            sealed ? sealEventData('StatementRecorded', data, actor(index), keys) : data,
          );
        });
        await events.append(`conflict-bench-${first}`, batch, { expectedRevision: 'no_stream' });
      }
      return appended / (Number(process.hrtime.bigint() - started) / 1e9);
    } finally {
      await events.close();
    }
  };
  const [inClearAppends, sealedAppends] = await measureInTurns(
    [
      {
        description: rateOf(
          `append of statements (${EVENTS_PER_APPEND} per append), text in clear`,
        ),
        once: async () => ({ value: await appendAll(false) }),
      },
      {
        description: rateOf(
          `append of statements (${EVENTS_PER_APPEND} per append), text sealed before the append`,
        ),
        once: async () => ({ value: await appendAll(true) }),
      },
    ],
    { runs, warmups },
  );
  log('appends measured');
  const [statementSeals, residentSeals] = await measureInTurns(
    [
      {
        description: rateOf('seal a statement (author known, key cached)'),
        once: async () => ({
          value: await rate(appended, (index) =>
            sealEventData('StatementRecorded', statementData(index), actor(index), keys),
          ),
        }),
      },
      {
        description: rateOf(
          "seal a resident's feedback (text and contact: two new keys, one durable write)",
        ),
        once: async () => ({
          value: await rate(residents, () =>
            sealEventData(
              'FeedbackSubmitted',
              feedbackOf(randomUUID()),
              { sub: 'public-form' },
              keys,
            ),
          ),
        }),
      },
    ],
    { runs, warmups },
  );
  keys.close();
  log('sealing measured');
  const rebuilds = await rebuildsOf(scratch, rebuildEvents, Math.min(runs, 3), log);
  return {
    suite: 'personal data',
    setup: {
      appendedEvents: appended,
      eventsPerAppend: EVENTS_PER_APPEND,
      statementCharacters: STATEMENT.length,
      residents,
      rebuildEvents,
    },
    measurements: [inClearAppends, sealedAppends, statementSeals, residentSeals, ...rebuilds],
    ratios: [
      ratio('appends of statements', sealedAppends, inClearAppends),
      ratio('rebuild of every read model', rebuilds[1], rebuilds[0]),
    ],
    targets: [],
    notes: [
      'Sealing happens on the command side only: read models keep the envelopes and answers open ' +
        'them, so a rebuild never decrypts; it reads and writes larger JSON.',
      "A resident's first feedback makes two keys (text, contact) written with one sync of the " +
        'key store (rollback journal, synchronous=FULL): that sync bounds public feedback per node.',
    ],
  };
};

const rateOf = (name: string): MeasurementDescription => ({
  name,
  system: 'cohesion-ledger',
  unit: 'events/s',
  better: 'higher',
});

/** How the sealed figure compares with the one in clear (above 1: sealing is faster). */
const ratio = (name: string, sealed: Measurement, inClear: Measurement): Ratio => ({
  name,
  of: 'sealed / in clear',
  value: sealed.median / inClear.median,
});

/** Operations per second of `count` synchronous calls. */
async function rate(count: number, once: (index: number) => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index++) once(index);
  await Promise.resolve();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Rebuilds of every read model from two generated logs: personal fields in clear, then sealed. */
async function rebuildsOf(
  scratch: string,
  events: number,
  runs: number,
  log: (line: string) => void,
): Promise<[Measurement, Measurement]> {
  const shape = { events, longConflictEvents: Math.floor(events / 100), seed: 18 };
  const inClear = await generateDomainLog(join(scratch, 'log-in-clear.sqlite'), {
    ...shape,
    inClear: true,
  });
  const sealed = await generateDomainLog(join(scratch, 'log-sealed.sqlite'), shape);
  log(`logs of ${events} events generated (in clear, sealed)`);
  const readModels = join(scratch, 'read-models.sqlite');
  return withStore(inClear.file, (clearStore) =>
    withStore(sealed.file, async (sealedStore) => {
      const rebuildOf = (what: string, store: EventStore) => ({
        description: rateOf(
          `rebuild of every read model from ${events.toLocaleString('en-US')} events, ${what}`,
        ),
        once: async () => {
          const rebuilt = await rebuildReadModels(store, readModels);
          return { value: rebuilt.events / rebuilt.seconds };
        },
      });
      const [clear, withSealing] = await measureInTurns(
        [
          rebuildOf('personal fields in clear', clearStore),
          rebuildOf('personal fields sealed', sealedStore),
        ],
        { runs, warmups: 1 },
      );
      return [clear, withSealing];
    }),
  );
}
