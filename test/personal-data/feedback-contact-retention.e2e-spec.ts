import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventIdFor,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
} from '@cohesion/event-store';
import type { KeyStore } from '@cohesion/personal-data';
import { PERSONAL_DATA_KEYS } from '@cohesion/application';
import { sealEventData } from '../../libs/application/src/personal-data/personal-fields';
import { partnershipWith } from '../support/partnership-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem, ledgerClient, type Principal } from '../support/ledger-client';
import { ledgerCli } from '../support/ledger-cli';

const assocLead: Principal = {
  sub: 'assoc-lead',
  partnerId: 'assoc',
  roles: ['partner', 'partner_admin'],
};
const outsiderLead: Principal = {
  sub: 'sos-lead',
  partnerId: 'sos',
  roles: ['partner', 'partner_admin'],
};
const assocStaff: Principal = { sub: 'assoc-staff', partnerId: 'assoc', roles: ['partner'] };

const DAY_MS = 86_400_000;

/** Feedback with a contact, sealed as the ledger seals it, recorded `daysAgo` days ago. */
async function feedbackRecordedAgo(ledger: TestLedger, feedbackId: string, daysAgo: number) {
  const actor = { sub: 'public-form' };
  const data = {
    feedbackId,
    partnershipId: 'harmony',
    subject: { kind: 'partnership' },
    text: `What ${feedbackId} said`,
    channel: 'web',
    submitterCategory: 'resident',
    contact: { email: `${feedbackId}@example.org` },
  };
  const keys = ledger.app.get<KeyStore>(PERSONAL_DATA_KEYS);
  await ledger.app.get<EventStore>(EVENT_STORE).append(
    `feedback-${feedbackId}`,
    [
      {
        id: eventIdFor(`submit-${feedbackId}`, 0),
        type: 'FeedbackSubmitted',
        data: sealEventData('FeedbackSubmitted', data, actor, keys),
        metadata: {
          actor,
          commandId: `submit-${feedbackId}`,
          correlationId: `submit-${feedbackId}`,
          causationId: `submit-${feedbackId}`,
          schemaVersion: 1,
        },
      },
    ],
    {
      expectedRevision: 'no_stream',
      recordedAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
    },
  );
}

interface ReportField {
  path: string;
  state: string;
}

describe('the retention of feedback contact details: set by HTTP, applied by `ledger retention apply`', () => {
  let dataDir: string;

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-retention-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is set by administrators and the partnership’s partner admins, within 1-120 months', async () => {
    const ledger = await startTestLedger({}, dataDir);
    try {
      const api = ledgerClient(ledger);
      await partnershipWith(api, 'harmony', ['assoc']);
      const set = (body: object, as: Principal) =>
        api.post('/partnerships/harmony/feedback-contact-retention', body, as);
      expectProblem(await set({ months: 6 }, outsiderLead), 403, 'forbidden');
      expectProblem(await set({ months: 6 }, assocStaff), 403, 'forbidden');
      expectProblem(await set({ months: 0 }, admin), 400, 'bad-request');
      expectProblem(await set({ months: 121 }, admin), 400, 'bad-request');
      expectProblem(await set({}, admin), 400, 'bad-request');
      await set({ months: null }, admin).expect(200);
      const answer = await set({ months: 1 }, assocLead).expect(200);
      expect(answer.body).toMatchObject({ events: ['FeedbackContactRetentionSet'] });

      await feedbackRecordedAgo(ledger, 'harmony--winter', 90);
      await feedbackRecordedAgo(ledger, 'harmony--spring', 40);
      await feedbackRecordedAgo(ledger, 'harmony--yesterday', 1);
    } finally {
      await ledger.close();
    }
  });

  it('shreds the contacts older than the retention, records it, and shreds nothing twice', async () => {
    const first = await ledgerCli(['retention', 'apply', '--json'], { LEDGER_DATA_DIR: dataDir });
    expect(first).toMatchObject({ code: 0 });
    expect(JSON.parse(first.stdout)).toMatchObject({
      shredded: 2,
      partnerships: [
        {
          partnershipId: 'harmony',
          retentionMonths: 1,
          shredded: ['harmony--winter', 'harmony--spring'],
          inClear: [],
        },
      ],
    });
    const again = await ledgerCli(['retention', 'apply'], { LEDGER_DATA_DIR: dataDir });
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toMatch(/^harmony: 0 contact\(s\) shredded \(kept 1 months/);

    const ledger = await startTestLedger({}, dataDir);
    try {
      const api = ledgerClient(ledger);
      const fields = async (feedbackId: string) =>
        (
          (await api.get(`/data-subjects/resident/${feedbackId}/report`).expect(200)).body as {
            personalFields: ReportField[];
          }
        ).personalFields.map(({ path, state }) => [path, state]);
      expect(await fields('harmony--winter')).toEqual([
        ['contact', 'erased'],
        ['text', 'open'],
      ]);
      expect(await fields('harmony--yesterday')).toEqual([
        ['contact', 'open'],
        ['text', 'open'],
      ]);
      const shreddings: RecordedEvent[] = [];
      for await (const event of ledger.app
        .get<EventStore>(EVENT_STORE)
        .readStream('retention-harmony')) {
        shreddings.push(event);
      }
      expect(
        shreddings.map(({ type, data, metadata }) => [type, data.feedbackIds, metadata.actor.sub]),
      ).toEqual([
        ['FeedbackContactsShredded', ['harmony--winter', 'harmony--spring'], 'retention'],
      ]);
      // The retention is a signal, up whatever the other checks say (the answer's status is theirs).
      const health = await api.get('/health/details');
      expect(health.body).toMatchObject({
        details: {
          retention: {
            status: 'up',
            partnershipsWithRetention: 1,
            overdue: 0,
            lastShreddedAt: shreddings[0]?.metadata.recordedAt,
          },
        },
      });
    } finally {
      await ledger.close();
    }
  });

  it('says what it does in its help, and refuses a data directory with no ledger', async () => {
    const help = await ledgerCli(['retention', 'apply', '--help']);
    expect(help.stdout).toMatch(/Shred the feedback contact details/);
    const empty = mkdtempSync(join(tmpdir(), 'ledger-retention-none-'));
    try {
      const refused = await ledgerCli(['retention', 'apply'], { LEDGER_DATA_DIR: empty });
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toMatch(/^ledger: no event store at /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
