import { isOpenForActivity } from '../partnership/partnership.state';
import { isCalendarDate } from '../calendar';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { PartnershipFacts } from '../partnership';
import type { CommitmentBeneficiary, CommitmentTerms } from './commitment.events';
import type { CommitmentState, FulfilmentClaim } from './commitment.state';

/** The commitment's rules, each refusal named for the rule it protects (a problem type slug). */
export const COMMITMENT_RULES = [
  'commitment-already-made',
  'commitment-ended',
  'commitment-partnership-mismatch',
  'commitment-partnership-not-open',
  'commitment-partner-not-member',
  'commitment-objective-not-open',
  'commitment-beneficiary-not-member',
  'commitment-beneficiary-is-committer',
  'commitment-due-date-invalid',
  'commitment-due-date-in-the-past',
  'commitment-quantity-not-positive',
  'commitment-quantity-and-unit-together',
  'commitment-already-accepted',
  'commitment-not-accepted',
  'commitment-needs-another-member',
  'commitment-committer-only',
  'commitment-amendment-changes-nothing',
  'commitment-unit-fixed-after-delivery',
  'commitment-amendment-below-delivered',
  'commitment-claim-already-made',
  'commitment-contribution-already-claimed',
  'commitment-claim-unit-mismatch',
  'commitment-quantified-fulfilled-by-quantity',
  'commitment-claim-unknown',
  'commitment-claim-already-settled',
  'commitment-nothing-delivered',
  'commitment-release-not-by-beneficiary',
] as const;
export type CommitmentRule = (typeof COMMITMENT_RULES)[number];

export const violation = (rule: CommitmentRule, message: string) =>
  new RuleViolation(rule, message);

/** What every commitment has once made; read once so that the rules below need no `!`. */
export interface Made {
  readonly commitmentId: string;
  readonly partnershipId: string;
  readonly committerId: string;
  readonly beneficiary: CommitmentBeneficiary;
  readonly terms: CommitmentTerms;
}

export function assertMade(state: CommitmentState, commitmentId: string): Made {
  const { partnershipId, committerId, beneficiary, terms } = state;
  if (state.status === 'none' || !partnershipId || !committerId || !beneficiary || !terms) {
    throw new AggregateNotFound('Commitment', commitmentId);
  }
  return {
    commitmentId: state.commitmentId ?? commitmentId,
    partnershipId,
    committerId,
    beneficiary,
    terms,
  };
}

export function assertFactsAbout(partnership: PartnershipFacts, partnershipId: string): void {
  if (partnership.partnershipId !== partnershipId) {
    throw violation(
      'commitment-partnership-mismatch',
      `Facts about ${partnership.partnershipId} were given for partnership ${partnershipId}`,
    );
  }
}

export function assertOpen(partnership: PartnershipFacts): void {
  if (!isOpenForActivity(partnership)) {
    throw violation(
      'commitment-partnership-not-open',
      `Partnership ${partnership.partnershipId} is ${partnership.status}`,
    );
  }
}

export function assertOpenPartnership(partnership: PartnershipFacts, made: Made): void {
  assertFactsAbout(partnership, made.partnershipId);
  assertOpen(partnership);
}

export function assertMember(partnership: PartnershipFacts, partnerId: string): void {
  if (!partnership.memberIds.includes(partnerId)) {
    throw violation(
      'commitment-partner-not-member',
      `Partner ${partnerId} is not a member of ${partnership.partnershipId}`,
    );
  }
}

/** Acceptance, confirmation, dispute and partial closure are the partnership's word. */
export function assertAnotherMember(
  partnership: PartnershipFacts,
  made: Made,
  partnerId: string,
): void {
  if (partnerId === made.committerId) {
    throw violation(
      'commitment-needs-another-member',
      `The committing partner ${partnerId} cannot vouch for its own commitment`,
    );
  }
  assertMember(partnership, partnerId);
}

export function assertCommitter(made: Made, partnerId: string): void {
  if (partnerId !== made.committerId) {
    throw violation(
      'commitment-committer-only',
      `Only the committing partner ${made.committerId} may do this, not ${partnerId}`,
    );
  }
}

export function assertPendingClaim(state: CommitmentState, claimId: string): FulfilmentClaim {
  const claim = state.claims[claimId];
  if (!claim) throw violation('commitment-claim-unknown', `Claim ${claimId} does not exist`);
  if (claim.status !== 'claimed') {
    throw violation(
      'commitment-claim-already-settled',
      `Claim ${claimId} is already ${claim.status}`,
    );
  }
  return claim;
}

/**
 * `madeOn`: the day the terms took effect (the commitment made, or amended): a commitment may be
 * recorded long after, due on a day now past, but it was never due before it was made.
 */
export function assertValidTerms(terms: CommitmentTerms, madeOn: string): void {
  if (!isCalendarDate(terms.dueDate)) {
    throw violation('commitment-due-date-invalid', `${terms.dueDate} is not a YYYY-MM-DD date`);
  }
  if (terms.dueDate < madeOn) {
    throw violation(
      'commitment-due-date-in-the-past',
      `Due date ${terms.dueDate} is before the commitment took effect (${madeOn})`,
    );
  }
  assertQuantityWithUnit(terms.quantity, terms.unit);
}

export function assertQuantityWithUnit(
  quantity: number | undefined,
  unit: string | undefined,
): void {
  const hasUnit = unit !== undefined && unit.trim() !== '';
  if ((quantity === undefined) !== !hasUnit) {
    throw violation(
      'commitment-quantity-and-unit-together',
      'A quantity needs a unit, and a unit a quantity',
    );
  }
  if (quantity !== undefined && !(Number.isFinite(quantity) && quantity > 0)) {
    throw violation('commitment-quantity-not-positive', `Quantity ${quantity} is not positive`);
  }
}

export function termsOf({ what, dueDate, quantity, unit }: CommitmentTerms): CommitmentTerms {
  return { what, dueDate, ...(quantity !== undefined ? { quantity, unit } : {}) };
}

export function sameTerms(a: CommitmentTerms, b: CommitmentTerms): boolean {
  return (
    a.what === b.what && a.dueDate === b.dueDate && a.quantity === b.quantity && a.unit === b.unit
  );
}

/** Rounded to 1e-6 so that 0.1 + 0.2 reaches a promised 0.3. */
export function addQuantities(a: number, b: number): number {
  return Math.round((a + b) * 1e6) / 1e6;
}
