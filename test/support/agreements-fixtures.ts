import type { Response } from 'supertest';
import { expectProblem, type LedgerClient } from './ledger-client';

export { inPartnership, partnershipWith } from './partnership-fixtures';

export const HALL_CLAUSES = [
  { clauseId: 'c1', text: 'The city lends the hall on Wednesday afternoons.' },
  { clauseId: 'c2', text: 'The association runs the homework club.' },
];

interface AgreementStateView {
  state: { status: string; signedBy: string[]; terms: { version: number; termsHash: string }[] };
}

/** The agreement's state as any client reads it, e.g. to learn the hash of the current terms. */
export async function agreementState(
  api: LedgerClient,
  agreementId: string,
): Promise<AgreementStateView['state']> {
  const response = await api.get(`/streams/agreement-${agreementId}/state`).expect(200);
  return (response.body as AgreementStateView).state;
}

export async function currentTermsHash(api: LedgerClient, agreementId: string): Promise<string> {
  const { terms } = await agreementState(api, agreementId);
  return terms[terms.length - 1].termsHash;
}

/** The calendar date (UTC) of the clock the API decides with, shifted by whole days. */
export const calendarDay = (offsetDays = 0): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Sends a command that must be refused with this problem, and checks that the log did not grow. */
export async function expectRefused(
  api: LedgerClient,
  send: () => PromiseLike<Response>,
  status: number,
  slug: string,
): Promise<void> {
  const before = await api.logSize();
  expectProblem(await send(), status, slug);
  expect(await api.logSize()).toBe(before);
}
