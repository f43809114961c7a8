import { admin, type LedgerClient, partner } from './ledger-client';

/** Defines a valuation policy in EUR through the API, with these rates of volunteer hours. */
export async function policyWithHourRates(
  api: LedgerClient,
  policyId: string,
  rates: readonly { readonly effectiveFrom: string; readonly rate: number }[],
): Promise<void> {
  await api
    .post('/valuation-policies', { policyId, name: `Policy ${policyId}`, currency: 'EUR' }, admin)
    .expect(201);
  for (const rate of rates) await hourRate(api, policyId, rate.effectiveFrom, rate.rate);
}

export async function hourRate(
  api: LedgerClient,
  policyId: string,
  effectiveFrom: string,
  rate: number,
): Promise<void> {
  await api
    .post(
      `/valuation-policies/${policyId}/rates`,
      {
        kind: 'volunteer_time',
        unit: 'hours',
        effectiveFrom,
        rate,
        currency: 'EUR',
        source: `Volunteering study, rate from ${effectiveFrom}`,
      },
      admin,
    )
    .expect(201);
}

export interface GivenContribution {
  readonly contributionId: string;
  readonly kind: string;
  readonly quantity: number;
  readonly unit: string;
  readonly date: string;
  readonly description?: string;
  readonly commitmentId?: string;
}

/** Records a contribution to `partnershipId` through the API, as `partnerId`. */
export async function contribute(
  api: LedgerClient,
  partnershipId: string,
  partnerId: string,
  contribution: GivenContribution,
): Promise<void> {
  await api
    .post(
      '/contributions',
      {
        partnershipId,
        description: `${contribution.kind} from ${partnerId}`,
        ...contribution,
      },
      partner(partnerId),
    )
    .expect(201);
}
