import type { Response } from 'supertest';
import { inPartnership, partnershipWith } from '../support/partnership-fixtures';
import { admin, type LedgerClient, partner, type Principal } from '../support/ledger-client';

/**
 * The ledger the authorization suite probes. Two partnerships share one partner:
 *
 * - `north`: acme (partner A), sos (partner B), city;
 * - `south`: sos, beta, gamma — acme is no member.
 *
 * B (sos) has a commitment (`north--promise`, `south--promise`), a contribution (`…--gift`) and
 * a conflict in each; the north conflict (`north--hall`) is mediated by martin and confidential
 * to sos, city and martin (acme is a member, not a party); the south one (`south--case`) is
 * mediated by dupont; a third north case (`north--pending`) awaits dupont's acceptance. A
 * resident gave feedback on north (`north--voice`). Ids are as the ledger records them, qualified
 * by their partnership.
 */
export const acme = partner('acme');
export const sos = partner('sos');
export const city = partner('city');
export const beta = partner('beta');
export const martin: Principal = { sub: 'martin-mediation', roles: ['mediator'] };
export const dupont: Principal = { sub: 'dupont-mediation', roles: ['mediator'] };
export const auditor: Principal = { sub: 'court-of-audit', roles: ['auditor'] };
export const resident: Principal = { sub: 'resident-42' };

export const CONTACT = { name: 'Amina Belkacem', email: 'amina@example.org' };
const DUE_DATE = '2099-06-30';
/** Yesterday (UTC): never in the future for the rules that refuse it. */
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

export async function recordWorld(api: LedgerClient): Promise<void> {
  await partnershipWith(api, 'north', ['acme', 'sos', 'city']);
  await partnershipWith(api, 'south', ['sos', 'beta', 'gamma']);
  for (const partnershipId of ['north', 'south']) {
    await ok(
      api.post(
        '/commitments',
        {
          commitmentId: 'promise',
          partnershipId,
          what: 'Tutoring for pupils at risk of dropping out',
          dueDate: DUE_DATE,
          quantity: 40,
          unit: 'hours',
          beneficiary: { kind: 'group', name: 'Pupils' },
          kind: 'volunteer_time',
        },
        sos,
      ),
    );
    await ok(
      api.post(
        '/contributions',
        {
          contributionId: 'gift',
          partnershipId,
          kind: 'volunteer_time',
          quantity: 3,
          unit: 'hours',
          date: YESTERDAY,
          description: 'Homework club',
        },
        sos,
      ),
    );
  }
  await raiseInMediation(api, 'hall', 'north', [sos, city], martin);
  await ok(api.post('/conflicts/north--hall/statements', { text: 'We were told so' }, sos));
  await ok(
    api.post(
      '/conflicts/north--hall/sessions',
      { heldOn: YESTERDAY, attendees: ['sos', 'city'], summary: 'Confidential note' },
      martin,
    ),
  );
  await raiseInMediation(api, 'case', 'south', [sos, beta], dupont);
  await raise(api, 'pending', 'north', city, sos);
  await ok(api.post('/conflicts/north--pending/acknowledgement', {}, sos));
  await ok(api.post('/conflicts/north--pending/mediator-proposals', { mediatorId: dupont.sub }));
  await ok(
    api.post(
      '/feedback',
      {
        feedbackId: 'voice',
        partnershipId: 'north',
        subject: { kind: 'partnership' },
        text: 'Please keep the childcare corner.',
        channel: 'web',
        submitterCategory: 'resident',
        contact: CONTACT,
      },
      resident,
    ),
  );
  await ok(api.post('/valuation-policies', { policyId: 'rates', name: 'Rates', currency: 'EUR' }));
}

/** Raised by the first party against the second, with `mediator` accepted by both. */
async function raiseInMediation(
  api: LedgerClient,
  conflictId: string,
  partnershipId: string,
  [raiser, party]: [Principal, Principal],
  mediator: Principal,
): Promise<void> {
  await raise(api, conflictId, partnershipId, raiser, party);
  const recorded = inPartnership(partnershipId, conflictId);
  await ok(api.post(`/conflicts/${recorded}/acknowledgement`, {}, party));
  await ok(api.post(`/conflicts/${recorded}/mediator-proposals`, { mediatorId: mediator.sub }));
  for (const answering of [raiser, party]) {
    const path = `/conflicts/${recorded}/mediator-proposals/${mediator.sub}/acceptance`;
    await ok(api.post(path, {}, answering));
  }
}

function raise(
  api: LedgerClient,
  conflictId: string,
  partnershipId: string,
  raiser: Principal,
  party: Principal,
): Promise<void> {
  const body = {
    conflictId,
    partnershipId,
    parties: [party.partnerId],
    subject: { kind: 'free', description: 'The hall was locked' },
    summary: 'The hall was locked on two Wednesdays',
  };
  return ok(api.post('/conflicts', body, raiser));
}

async function ok(call: PromiseLike<Response>): Promise<void> {
  const response = await call;
  if (response.status >= 300) {
    throw new Error(`setup step refused: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

export { admin };
