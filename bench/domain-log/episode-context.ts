import {
  type PartnershipFacts,
  partnershipDecider,
  partnershipFacts,
  type PartnershipState,
} from '@cohesion/domain';
import type { SeededRandom } from './seeded-random';
import type { Actor, SimulatedLedger } from './simulated-ledger';

/** One storyline of the domain (a commitment's life, a conflict case…), one command per step. */
export type Episode = Generator<void, void, void>;

export const ADMIN: Actor = { sub: 'city-admin', roles: ['admin'] };
/** The valuation policy every contribution is valued under, as the API's default. */
export const DEFAULT_POLICY_ID = 'default';

/** A partner acts through its officer, as the API's tests and demo data do. */
export const partnerActor = (partnerId: string): Actor => ({
  sub: `${partnerId}-officer`,
  partnerId,
  roles: ['partner'],
});

export const partnershipStream = (partnershipId: string) => `partnership-${partnershipId}`;

/**
 * The storyline of one new aggregate (`<prefix>-<n>`): once it ends, its stream is retired, as
 * nothing writes to it again.
 */
export function* storyOfNew(
  context: EpisodeContext,
  prefix: string,
  story: (id: string) => Episode,
): Episode {
  const id = context.nextId(prefix);
  yield* story(id);
  context.ledger.retire(`${prefix}-${id}`);
}

/** What every episode works with: the ledger, the dice, and fresh ids. */
export class EpisodeContext {
  private readonly counters = new Map<string, number>();

  constructor(
    readonly ledger: SimulatedLedger,
    readonly random: SeededRandom,
  ) {}

  /** `prefix-1`, `prefix-2`, …: readable, deterministic, valid ledger ids. */
  nextId(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}-${next}`;
  }

  partnership(partnershipId: string): PartnershipState {
    return this.ledger.state(partnershipStream(partnershipId), partnershipDecider);
  }

  facts(partnershipId: string): PartnershipFacts {
    return partnershipFacts(partnershipId, this.partnership(partnershipId));
  }

  members(partnershipId: string): string[] {
    return Object.keys(this.partnership(partnershipId).members);
  }

  /** `count` distinct members of the partnership. */
  someMembers(partnershipId: string, count: number): string[] {
    return this.random.sample(this.members(partnershipId), count);
  }

  /** A member other than `partnerId`. */
  anotherMember(partnershipId: string, partnerId: string): string {
    return this.random.pick(this.members(partnershipId).filter((member) => member !== partnerId));
  }
}
