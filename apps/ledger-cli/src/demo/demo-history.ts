import { campaignImpactSteps } from './campaign.impact.steps';
import { campaignPartnershipSteps } from './campaign.partnership.steps';
import { chronological, type DemoStep } from './demo-step';
import type { Seeded } from './seeded';
import { valuationPolicySteps } from './valuation-policy.steps';
import { youthAgreementSteps } from './youth.agreements.steps';
import { youthImpactSteps } from './youth.impact.steps';
import { youthPartnershipSteps } from './youth.partnership.steps';

/** The seed used when none is given. */
export const DEFAULT_SEED = 2026;

/** The whole demo history, September 2025 to October 2026, in the order it happened. */
export const demoHistory = (seeded: Seeded): DemoStep[] =>
  chronological(
    valuationPolicySteps(),
    youthPartnershipSteps(seeded),
    youthAgreementSteps(),
    youthImpactSteps(seeded),
    campaignPartnershipSteps(seeded),
    campaignImpactSteps(seeded),
  );
