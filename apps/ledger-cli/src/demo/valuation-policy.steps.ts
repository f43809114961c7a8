import { ADMIN } from './demo-cast';
import { type DemoStep, on } from './demo-step';

export const POLICY_ID = 'montclair-valorisation';

/**
 * How the partnerships value what is given in kind, as French partnership conventions commonly
 * do: volunteer hours at the loaded minimum wage, expertise at a consultancy rate, rooms at the
 * city's hire tariff, airtime at the station's rate card. The 2026 minimum-wage rise is a new
 * rate version, so 2025 hours keep their 2025 value.
 */
export const valuationPolicySteps = (): DemoStep[] => [
  on('2025-09-01', async (demo) => {
    await demo.valuationPolicy('policy', ADMIN, 'DefineValuationPolicy', {
      policyId: POLICY_ID,
      name: 'Montclair partnership valuation policy',
      currency: 'EUR',
    });
    const rates = [
      [
        'volunteer_time',
        'hours',
        23.1,
        'Minimum wage with employer contributions, 2025 (guide France Bénévolat)',
      ],
      [
        'expertise',
        'hours',
        65,
        'Average consultancy rate, Montclair chamber of commerce survey 2025',
      ],
      ['venue', 'hours', 38, 'City of Montclair room-hire tariff 2025, community rooms'],
      ['in_kind', 'kits', 42, 'Average supplier invoice for a secondary-school supply kit, 2025'],
      ['in_kind', 'minutes', 9.5, 'Radio Horizon advertising rate card 2025, daytime slots'],
    ] as const;
    for (const [kind, unit, rate, source] of rates) {
      await demo.valuationPolicy(`rate-${kind}-${unit}-2025`, ADMIN, 'SetValuationRate', {
        policyId: POLICY_ID,
        kind,
        unit,
        effectiveFrom: '2025-09-01',
        rate,
        currency: 'EUR',
        source,
      });
    }
  }),
  on('2026-01-05', (demo) =>
    demo.valuationPolicy('rate-volunteer_time-hours-2026', ADMIN, 'SetValuationRate', {
      policyId: POLICY_ID,
      kind: 'volunteer_time',
      unit: 'hours',
      effectiveFrom: '2026-01-01',
      rate: 23.6,
      currency: 'EUR',
      source: 'Minimum wage with employer contributions, 2026 (guide France Bénévolat)',
    }),
  ),
];
