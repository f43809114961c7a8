import request from 'supertest';
import type { App } from 'supertest/types';
import { AnonymousRefusals, PERSONAL_DATA_KEYS } from '@cohesion/application';
import { isSealed, type JsonValue, type KeyStore, openAll } from '@cohesion/personal-data';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { foundPartnership } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  ACCESS_AUDIT_STREAM_PREFIX,
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
} from '../support/ledger-client';
import { formTokenAged, formTokenIssuedAt, TEST_FORM_KEY } from '../support/public-feedback-forms';

interface RecordedEvent {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

interface PublicForm {
  partnershipId: string;
  name: string;
  accepting: boolean;
  formToken: string;
  minimumFillSeconds: number;
}

/** Ten minutes: no request of these tests takes that long, so a fresh form is always too young. */
const MIN_FILL_SECONDS = 600;
const FILLED_LONG_ENOUGH = MIN_FILL_SECONDS + 60;
const formRoute = (partnershipId: string) => `/partnerships/${partnershipId}/public-feedback`;

/** A ledger for the public form's tests, its limits out of the way unless a test sets them. */
async function publicFormLedger(settings: Record<string, string> = {}) {
  const ledger = await startTestLedger({
    LEDGER_PUBLIC_FEEDBACK_FORM_KEY: TEST_FORM_KEY,
    LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS: String(MIN_FILL_SECONDS),
    LEDGER_PUBLIC_FEEDBACK_PER_HOUR: '1000',
    ...settings,
  });
  const api = ledgerClient(ledger);
  await foundPartnership(api, 'northside');
  const server = ledger.app.getHttpServer() as App;
  /** Without any credentials, as a resident's browser sends it. */
  const send = (body: object, partnershipId = 'northside') =>
    request(server).post(formRoute(partnershipId)).send(body);
  const feedback = (changes: object = {}, partnershipId = 'northside') => ({
    formToken: formTokenAged(partnershipId, FILLED_LONG_ENOUGH),
    text: 'The new benches in the square are lovely; the lighting could be better.',
    rating: 4,
    ...changes,
  });
  return { ledger, api, server, send, feedback };
}

async function eventsOf(ledger: TestLedger, accessAudit = false): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of ledger.app.get<EventStore>(EVENT_STORE).readAll()) {
    if (event.stream.startsWith(ACCESS_AUDIT_STREAM_PREFIX) === accessAudit) {
      events.push(event as unknown as RecordedEvent);
    }
  }
  return events;
}

const receivedFeedback = async (api: LedgerClient, partnershipId = 'northside') =>
  (
    (await api.get(`/partnerships/${partnershipId}/impact`, admin).expect(200)).body as {
      feedback: { received: number };
    }
  ).feedback.received;

describe('the public feedback form through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let server: App;
  let send: (body: object, partnershipId?: string) => request.Test;
  let feedback: (changes?: object, partnershipId?: string) => Record<string, unknown>;

  beforeAll(async () => {
    ({ ledger, api, server, send, feedback } = await publicFormLedger());
  });
  afterAll(() => ledger.close());

  it('gives anyone the partnership’s name and a form token, without credentials', async () => {
    const response = await request(server).get(formRoute('northside')).expect(200);
    const form = response.body as PublicForm;
    expect(form).toEqual({
      partnershipId: 'northside',
      name: expect.any(String) as unknown,
      accepting: true,
      formToken: expect.stringMatching(/^\d+\.[\w-]+$/) as unknown,
      minimumFillSeconds: MIN_FILL_SECONDS,
    });
    // The token is the ledger's signature of the partnership and the instant it was handed out.
    const issuedAt = Number(form.formToken.split('.')[0]);
    expect(Math.abs(Date.now() - issuedAt)).toBeLessThan(3_600_000);
    expect(form.formToken).toBe(formTokenIssuedAt('northside', issuedAt));
  });

  it('answers an unknown partnership 404, as problem+json', async () => {
    expectProblem(await request(server).get(formRoute('nowhere')), 404, 'not-found');
    expectProblem(await send(feedback({}, 'nowhere'), 'nowhere'), 404, 'not-found');
  });

  it('records resident feedback about the partnership, by the public form, with no address; the impact summary counts it', async () => {
    const before = await receivedFeedback(api);
    const eventsBefore = (await eventsOf(ledger)).length;
    const response = await send(feedback()).expect(202);
    expect(response.body).toEqual({ status: 'received' });
    const recorded = (await eventsOf(ledger)).slice(eventsBefore);
    expect(recorded).toHaveLength(1);
    const [event] = recorded;
    expect(event).toMatchObject({
      type: 'FeedbackSubmitted',
      stream: expect.stringMatching(/^feedback-northside--/) as unknown,
      data: {
        partnershipId: 'northside',
        subject: { kind: 'partnership' },
        rating: 4,
        channel: 'web',
        submitterCategory: 'resident',
      },
    });
    expect(event?.data).not.toHaveProperty('contact');
    expect(event?.metadata).toMatchObject({ actor: { sub: 'public-form' } });
    const text = JSON.stringify(event, (_key, value: unknown) =>
      typeof value === 'bigint' ? String(value) : value,
    );
    expect(text).not.toMatch(/127\.0\.0\.1|::1|ffff/);
    expect(await receivedFeedback(api)).toBe(before + 1);
  });

  it('refuses a form sent back sooner than the minimum fill time', async () => {
    const { formToken } = (await request(server).get(formRoute('northside')).expect(200))
      .body as PublicForm;
    const size = await api.logSize();
    const response = await send(feedback({ formToken }));
    expectProblem(response, 422, 'public-feedback-too-fast');
    expect((response.body as { detail: string }).detail).toMatch(/wait at least 600 s/);
    expect(await api.logSize()).toBe(size);
  });

  it('refuses a form loaded more than a day ago', async () => {
    const stale = formTokenAged('northside', 25 * 3600);
    expectProblem(await send(feedback({ formToken: stale })), 422, 'public-feedback-form-expired');
  });

  it('refuses a token the ledger did not sign, or signed for another partnership', async () => {
    await foundPartnership(api, 'southside');
    const forged = formTokenAged('northside', FILLED_LONG_ENOUGH, 'x'.repeat(40));
    const elsewhere = formTokenAged('southside', FILLED_LONG_ENOUGH);
    for (const formToken of [forged, elsewhere, 'not-a-token', `${Date.now() - 900_000}.`]) {
      expectProblem(await send(feedback({ formToken })), 422, 'public-feedback-form-invalid');
    }
  });

  it('keeps a contact only with the person’s consent', async () => {
    const contact = { name: 'A. Resident', email: 'resident@example.org' };
    for (const consent of [undefined, false]) {
      const response = await send(feedback({ contact, consent }));
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { errors: string[] }).errors).toContain(
        'contact is kept only if the person agrees to be contacted (consent: true)',
      );
    }
    const eventsBefore = (await eventsOf(ledger)).length;
    await send(feedback({ contact, consent: true })).expect(202);
    const [event] = (await eventsOf(ledger)).slice(eventsBefore);
    // Recorded sealed for the resident (issue 18); it opens with the ledger's keys.
    expect(isSealed(event?.data.contact)).toBe(true);
    const keys = ledger.app.get<KeyStore>(PERSONAL_DATA_KEYS);
    expect(openAll(event?.data.contact as JsonValue, keys).value).toEqual(contact);
    // Consent without any contact is no contact at all.
    await send(feedback({ consent: true })).expect(202);
  });

  it('answers a filled honeypot as received, records nothing, and counts it in the access audit', async () => {
    const size = await api.logSize();
    const audited = (await eventsOf(ledger, true)).length;
    const response = await send(feedback({ website: 'http://spam.example' })).expect(202);
    expect(response.body).toEqual({ status: 'received' });
    expect(await api.logSize()).toBe(size);
    await ledger.app.get(AnonymousRefusals).flush();
    const counted = (await eventsOf(ledger, true)).slice(audited);
    expect(counted.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'AccessDenied',
        data: expect.objectContaining({
          authenticated: false,
          route: '/partnerships/:partnershipId/public-feedback',
          reason: expect.stringMatching(/^public-feedback-honeypot/) as unknown,
          count: 1,
        }) as unknown,
      },
    ]);
  });

  it('refuses bad input with every reason, never a 500', async () => {
    const bodies: object[] = [
      {},
      feedback({ text: '' }),
      feedback({ text: 'x'.repeat(4001) }),
      feedback({ rating: 6 }),
      feedback({ rating: 2.5 }),
      feedback({ rating: '4' }),
      feedback({ formToken: 42 }),
      feedback({ consent: 'yes' }),
      feedback({ contact: {}, consent: true }),
      feedback({ contact: { email: 'not an address' }, consent: true }),
      feedback({ subject: { kind: 'partnership' } }),
      feedback({ website: 7 }),
    ];
    for (const body of bodies) expectProblem(await send(body), 400, 'bad-request');
    expectProblem(await send(feedback(), 'Bad id!'), 400, 'bad-request');
    const malformed = await request(server)
      .post(formRoute('northside'))
      .set('content-type', 'application/json')
      .send('{"text":');
    expectProblem(malformed, 400, 'bad-request');
  });

  it('refuses feedback for a suspended or closed partnership, and says so to the form', async () => {
    await foundPartnership(api, 'eastside');
    await api.post('/partnerships/eastside/suspension', { reason: 'audit' }).expect(200);
    const form = (await request(server).get(formRoute('eastside')).expect(200)).body as PublicForm;
    expect(form.accepting).toBe(false);
    const size = await api.logSize();
    expectProblem(await send(feedback({}, 'eastside'), 'eastside'), 422, 'public-feedback-closed');
    expect(await api.logSize()).toBe(size);
    await api.post('/partnerships/eastside/closure', { reason: 'programme ended' }).expect(200);
    const closed = await api.logSize();
    expectProblem(await send(feedback({}, 'eastside'), 'eastside'), 422, 'public-feedback-closed');
    expect(await api.logSize()).toBe(closed);
  });
});

describe('the public feedback form’s limits', () => {
  it('limits each address to a few submissions an hour (429 with Retry-After), other routes untouched', async () => {
    const { ledger, send, feedback, server } = await publicFormLedger({
      LEDGER_PUBLIC_FEEDBACK_PER_HOUR: '3',
    });
    try {
      // Refused submissions count too: a robot cannot probe for free.
      await send(feedback()).expect(202);
      expectProblem(await send(feedback({ rating: 9 })), 400, 'bad-request');
      await send(feedback()).expect(202);
      const limited = await send(feedback());
      expectProblem(limited, 429, 'too-many-requests');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await request(server).get(formRoute('northside')).expect(200);
      await request(server).get('/health').expect(200);
    } finally {
      await ledger.close();
    }
  });

  it('caps what one partnership takes from the public form each day, whatever the addresses', async () => {
    const { ledger, api, send, feedback } = await publicFormLedger({
      LEDGER_PUBLIC_FEEDBACK_DAILY_CAP: '2',
    });
    try {
      await foundPartnership(api, 'southside');
      await send(feedback()).expect(202);
      await send(feedback()).expect(202);
      const size = await api.logSize();
      const capped = await send(feedback());
      expectProblem(capped, 422, 'public-feedback-daily-cap-reached');
      expect(await api.logSize()).toBe(size);
      // Another partnership keeps its own share; refused submissions did not use any.
      await send(feedback({}, 'southside'), 'southside').expect(202);
    } finally {
      await ledger.close();
    }
  });
});
