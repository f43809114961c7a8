import { fold, type CommandMetadata } from '../decider';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { ValuationPolicyCommand } from './valuation-policy.commands';
import { valuationPolicyDecider } from './valuation-policy.decider';
import type { ValuationPolicyEvent } from './valuation-policy.events';
import { rateInForce } from './valuation-policy.state';
import { multiplyToCents, valueContribution } from './valuation-policy.valuation';

const metadata: CommandMetadata = {
  actor: { sub: 'admin-1', roles: ['admin'] },
  now: '2026-03-10T09:00:00.000Z',
};
const policyId = 'default';
const spec = deciderSpecification(valuationPolicyDecider);
const command = commandsOf<ValuationPolicyCommand>(metadata);
const event = eventsOf<ValuationPolicyEvent>();

const defined = event('ValuationPolicyDefined', { policyId, name: 'Default', currency: 'EUR' });
const volunteerHour = {
  policyId,
  kind: 'volunteer_time' as const,
  unit: 'hours',
  effectiveFrom: '2026-01-01',
  rate: 31.5,
  currency: 'EUR',
  source: 'France Bénévolat 2025 study',
};
const hourRateSet = event('ValuationRateSet', { ...volunteerHour, version: 1 });
const hourRate2027 = event('ValuationRateSet', {
  ...volunteerHour,
  version: 2,
  effectiveFrom: '2027-01-01',
  rate: 33,
  source: 'France Bénévolat 2026 study',
});
const retirement = (version: number, effectiveFrom: string) =>
  event('ValuationRateRetired', {
    policyId,
    version,
    kind: 'volunteer_time',
    unit: 'hours',
    effectiveFrom,
    reason: 'no longer valued',
  });

type SetData = Extract<ValuationPolicyCommand, { type: 'SetValuationRate' }>['data'];
const setRate = (data: Partial<SetData> = {}) =>
  command('SetValuationRate', { ...volunteerHour, ...data });
const retire = (effectiveFrom: string) => {
  const { version: _version, ...data } = retirement(0, effectiveFrom).data;
  return command('RetireValuationRate', data);
};

describe('Valuation policy decider', () => {
  describe('definition', () => {
    it('defines a policy valued in one currency', () =>
      spec.given([]).when(command('DefineValuationPolicy', defined.data)).then([defined]));
    it('refuses to define it twice', () =>
      spec
        .given([defined])
        .when(command('DefineValuationPolicy', defined.data))
        .thenThrows('valuation-policy-already-defined'));
    it('refuses a currency that is not an ISO 4217 code', () =>
      spec
        .given([])
        .when(command('DefineValuationPolicy', { ...defined.data, currency: 'euro' }))
        .thenThrows('valuation-policy-currency-invalid'));
    it('refuses rates on a policy never defined', () =>
      spec.given([]).when(setRate()).thenThrows('not-found'));
  });

  describe('setting a rate', () => {
    it('sets a rate with its effective date and source, as version 1', () =>
      spec.given([defined]).when(setRate()).then([hourRateSet]));
    it('adds a new version rather than rewriting the earlier one', () =>
      spec
        .given([defined, hourRateSet])
        .when(
          setRate({ effectiveFrom: '2027-01-01', rate: 33, source: 'France Bénévolat 2026 study' }),
        )
        .then([hourRate2027]));
    it('allows a back-dated version', () =>
      spec
        .given([defined, hourRateSet])
        .when(setRate({ effectiveFrom: '2025-01-01', rate: 30 }))
        .then([
          event('ValuationRateSet', {
            ...volunteerHour,
            version: 2,
            effectiveFrom: '2025-01-01',
            rate: 30,
          }),
        ]));
    it('refuses a second version for the same kind, unit and effective date', () =>
      spec
        .given([defined, hourRateSet])
        .when(setRate({ rate: 32 }))
        .thenThrows('valuation-policy-version-exists'));
    it('refuses a rate in another currency than the policy', () =>
      spec
        .given([defined])
        .when(setRate({ currency: 'USD' }))
        .thenThrows('valuation-policy-currency-mismatch'));
    it('sets an exchange rate for money in another currency', () => {
      const usd = { ...volunteerHour, kind: 'money' as const, unit: 'USD', rate: 0.92 };
      spec
        .given([defined])
        .when(setRate(usd))
        .then([event('ValuationRateSet', { ...usd, version: 1 })]);
    });
    it('refuses a rate for money in the policy currency (it is worth its face value)', () =>
      spec
        .given([defined])
        .when(setRate({ kind: 'money', unit: 'EUR' }))
        .thenThrows('valuation-policy-face-value-currency'));
    it('refuses a unit inconsistent with the kind', () =>
      spec
        .given([defined])
        .when(setRate({ unit: 'days' }))
        .thenThrows('valuation-policy-unit-inconsistent-with-kind'));
    it('refuses a rate that is not positive', () =>
      spec
        .given([defined])
        .when(setRate({ rate: 0 }))
        .thenThrows('valuation-policy-rate-not-positive'));
    it('refuses an effective date that is not a date', () =>
      spec
        .given([defined])
        .when(setRate({ effectiveFrom: '2026-13-01' }))
        .thenThrows('valuation-policy-date-invalid'));
    it('refuses a rate without a source', () =>
      spec
        .given([defined])
        .when(setRate({ source: '  ' }))
        .thenThrows('valuation-policy-source-missing'));
  });

  describe('retiring a rate', () => {
    it('retires the rate in force from a date, as a new version', () =>
      spec
        .given([defined, hourRateSet])
        .when(retire('2026-09-01'))
        .then([retirement(2, '2026-09-01')]));
    it('refuses to retire a (kind, unit) never rated', () =>
      spec.given([defined]).when(retire('2026-09-01')).thenThrows('valuation-policy-rate-unknown'));
    it('refuses to retire where no rate is in force', () => {
      spec
        .given([defined, hourRateSet])
        .when(retire('2025-06-01'))
        .thenThrows('valuation-policy-rate-not-in-force');
      spec
        .given([defined, hourRateSet, retirement(2, '2026-09-01')])
        .when(retire('2026-10-01'))
        .thenThrows('valuation-policy-rate-not-in-force');
    });
    it('refuses a retirement on the day a version takes effect', () =>
      spec
        .given([defined, hourRateSet])
        .when(retire('2026-01-01'))
        .thenThrows('valuation-policy-version-exists'));
  });

  describe('valuing a contribution', () => {
    const policy = fold(valuationPolicyDecider, [defined, hourRateSet, hourRate2027]);
    const hours = (quantity: number, date: string) => ({
      kind: 'volunteer_time' as const,
      quantity,
      unit: 'hours',
      date,
    });

    it('applies the rate in force on the contribution date', () => {
      expect(valueContribution(hours(12, '2026-03-07'), policy)).toEqual({
        amount: 378,
        currency: 'EUR',
        rate: 31.5,
        rateVersion: 1,
      });
      expect(valueContribution(hours(12, '2027-01-01'), policy)).toEqual({
        amount: 396,
        currency: 'EUR',
        rate: 33,
        rateVersion: 2,
      });
    });
    it('gives no value when no rate is in force that day', () => {
      expect(valueContribution(hours(12, '2025-12-31'), policy)).toBeUndefined();
      const retired = fold(valuationPolicyDecider, [
        defined,
        hourRateSet,
        retirement(2, '2026-09-01'),
      ]);
      expect(valueContribution(hours(1, '2026-08-31'), retired)?.amount).toBe(31.5);
      expect(valueContribution(hours(1, '2026-09-01'), retired)).toBeUndefined();
      expect(
        valueContribution({ ...hours(1, '2026-03-07'), kind: 'expertise' }, policy),
      ).toBeUndefined();
      expect(
        valueContribution(hours(1, '2026-03-07'), valuationPolicyDecider.initialState()),
      ).toBeUndefined();
    });
    it('values money in the policy currency at face value, rounded to the cent', () =>
      expect(
        valueContribution(
          { kind: 'money', quantity: 250.005, unit: 'EUR', date: '2020-01-01' },
          policy,
        ),
      ).toEqual({ amount: 250.01, currency: 'EUR', rate: 1, rateVersion: null }));
    it('rounds to the cent on exact decimals, without float drift', () => {
      expect(1.15 * 100).not.toBe(115); // the drift the computation avoids
      expect(multiplyToCents(1.15, 1)).toBe(1.15);
      expect(multiplyToCents(1.005, 1)).toBe(1.01);
      expect(multiplyToCents(3, 0.1)).toBe(0.3);
      expect(multiplyToCents(2.5, 31.5)).toBe(78.75);
      expect(multiplyToCents(0.333, 0.5)).toBe(0.17);
      expect(multiplyToCents(1e-7, 1e9)).toBe(100);
      expect(multiplyToCents(1e21, 2)).toBe(2e21);
    });
    it('finds the rate in force whatever order versions were set in', () => {
      const backDated = fold(valuationPolicyDecider, [
        defined,
        hourRate2027,
        { ...hourRateSet, data: { ...hourRateSet.data, version: 2 } },
      ]);
      expect(rateInForce(backDated, 'volunteer_time', 'hours', '2026-06-01')?.rate).toBe(31.5);
      expect(rateInForce(backDated, 'volunteer_time', 'hours', '2027-06-01')?.rate).toBe(33);
    });
  });

  describe('state', () => {
    it('keeps every version ever set, in order', () => {
      const state = fold(valuationPolicyDecider, [
        defined,
        hourRateSet,
        retirement(2, '2026-09-01'),
        { ...hourRate2027, data: { ...hourRate2027.data, version: 3 } },
      ]);
      expect(state).toMatchObject({ status: 'defined', currency: 'EUR', name: 'Default' });
      expect(
        state.entries.map((entry) => [entry.version, entry.entry, entry.effectiveFrom]),
      ).toEqual([
        [1, 'rate', '2026-01-01'],
        [2, 'retirement', '2026-09-01'],
        [3, 'rate', '2027-01-01'],
      ]);
    });
  });
});
