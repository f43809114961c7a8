import {
  PARTNER_KINDS,
  type PartnerKind,
  partnershipDecider,
  valuationPolicyDecider,
} from '@cohesion/domain';
import {
  ADMIN,
  DEFAULT_POLICY_ID,
  type Episode,
  type EpisodeContext,
  partnershipStream,
} from '../episode-context';

const NEIGHBOURHOODS = ['Les Tilleuls', 'Bellevue', 'Gare', 'Vieux Port', 'Les Hauts', 'Canal'];
const RESPONSIBILITIES = ['funding', 'mentoring', 'tutoring', 'venues', 'outreach', 'logistics'];

/** A partner of the territory, possibly a member of several partnerships. */
export interface PartnerProfile {
  readonly partnerId: string;
  readonly kind: PartnerKind;
}

export function partnerPool(context: EpisodeContext, size: number): PartnerProfile[] {
  return Array.from({ length: size }, (_, index) => ({
    partnerId: `partner-${index + 1}`,
    kind: context.random.pick(PARTNER_KINDS),
  }));
}

/** The default valuation policy, with a rate for every kind and unit the log contributes in. */
export function* defineValuationPolicy(context: EpisodeContext): Episode {
  const { ledger } = context;
  const stream = `valuation-policy-${DEFAULT_POLICY_ID}`;
  ledger.execute(stream, valuationPolicyDecider, {
    type: 'DefineValuationPolicy',
    data: { policyId: DEFAULT_POLICY_ID, name: 'Territory reference rates', currency: 'EUR' },
    metadata: ledger.metadata(ADMIN),
  });
  yield;
  for (const [kind, unit, rate] of RATES) {
    yield* setRate(context, kind, unit, rate, ledger.day(-730));
  }
}

/** A yearly revision of one rate, in force from today. */
export function* reviseRate(context: EpisodeContext): Episode {
  const [kind, unit, rate] = context.random.pick(RATES);
  yield* setRate(context, kind, unit, rate * (1 + context.random.int(1, 8) / 100), undefined);
}

const RATES = [
  ['volunteer_time', 'hours', 25],
  ['expertise', 'hours', 60],
  ['venue', 'hours', 40],
  ['venue', 'days', 300],
  ['in_kind', 'items', 15],
] as const;

function* setRate(
  { ledger }: EpisodeContext,
  kind: (typeof RATES)[number][0],
  unit: string,
  rate: number,
  effectiveFrom: string | undefined,
): Episode {
  ledger.execute(`valuation-policy-${DEFAULT_POLICY_ID}`, valuationPolicyDecider, {
    type: 'SetValuationRate',
    data: {
      policyId: DEFAULT_POLICY_ID,
      kind,
      unit,
      effectiveFrom: effectiveFrom ?? ledger.today,
      rate: Math.round(rate * 100) / 100,
      currency: 'EUR',
      source: 'Municipal council decision on reference rates',
    },
    metadata: ledger.metadata(ADMIN),
  });
  yield;
}

/** A partnership is founded, its partners join and it sets its first objectives. */
export function* foundPartnership(
  context: EpisodeContext,
  partnershipId: string,
  members: readonly PartnerProfile[],
): Episode {
  const { ledger, random } = context;
  const stream = partnershipStream(partnershipId);
  const neighbourhoods = random.sample(NEIGHBOURHOODS, random.int(1, 3));
  ledger.execute(stream, partnershipDecider, {
    type: 'FoundPartnership',
    data: {
      partnershipId,
      name: `Partnership ${partnershipId}`,
      purpose: 'Reduce school dropout and isolation of elderly residents',
      territory: random.pick(['Northside', 'Southside', 'Riverside', 'Old Town']),
      neighbourhoods,
    },
    metadata: ledger.metadata(ADMIN),
  });
  yield;
  for (const { partnerId, kind } of members) {
    ledger.execute(stream, partnershipDecider, {
      type: 'JoinPartner',
      data: {
        partnershipId,
        partnerId,
        name: `Partner ${partnerId}`,
        kind,
        role: random.pick(['lead', 'member', 'funder', 'host']),
        responsibilities: random.sample(RESPONSIBILITIES, random.int(1, 3)),
      },
      metadata: ledger.metadata(ADMIN),
    });
    yield;
  }
  for (let objective = 0; objective < random.int(2, 5); objective++) {
    yield* setObjective(context, partnershipId);
  }
}

function* setObjective(context: EpisodeContext, partnershipId: string): Episode {
  const { ledger } = context;
  ledger.execute(partnershipStream(partnershipId), partnershipDecider, {
    type: 'SetObjective',
    data: {
      partnershipId,
      objectiveId: context.nextId('objective'),
      title: 'Halve school dropout in the neighbourhood',
      description: 'Tutoring and mentoring for pupils at risk, with their families',
      targetDate: ledger.day(context.random.int(180, 900)),
    },
    metadata: ledger.metadata(ADMIN),
  });
  yield;
}

/** The partners meet and record their decisions. */
export function* holdMeeting(context: EpisodeContext, partnershipId: string): Episode {
  const { ledger, random } = context;
  ledger.execute(partnershipStream(partnershipId), partnershipDecider, {
    type: 'RecordMeeting',
    data: {
      partnershipId,
      meetingId: context.nextId('meeting'),
      heldOn: ledger.day(-random.int(0, 3)),
      attendees: context.someMembers(partnershipId, random.int(2, 6)),
      decisions: ['Schedule the next tutoring cycle', 'Share the venue calendar'],
      ...(random.chance(0.5) ? { notes: 'Attendance was good; next meeting in a month' } : {}),
    },
    metadata: ledger.metadata(ADMIN),
  });
  yield;
}

/** An objective is revised, achieved or retired, and sometimes a new one is set. */
export function* reviewObjectives(context: EpisodeContext, partnershipId: string): Episode {
  const { ledger, random } = context;
  const open = context.facts(partnershipId).openObjectiveIds;
  if (open.length === 0 || random.chance(0.3)) {
    yield* setObjective(context, partnershipId);
    return;
  }
  const objectiveId = random.pick(open);
  const stream = partnershipStream(partnershipId);
  const metadata = ledger.metadata(ADMIN);
  const outcome = random.weighted({ revise: 5, achieve: 3, retire: 1 });
  if (outcome === 'revise') {
    ledger.execute(stream, partnershipDecider, {
      type: 'ReviseObjective',
      data: {
        partnershipId,
        objectiveId,
        title: 'Reduce school dropout by a third',
        description: 'Revised after the yearly review of the tutoring results',
        targetDate: ledger.day(random.int(180, 700)),
        reason: 'The first target proved out of reach',
      },
      metadata,
    });
  } else if (outcome === 'achieve') {
    ledger.execute(stream, partnershipDecider, {
      type: 'AchieveObjective',
      data: { partnershipId, objectiveId, evidence: 'Yearly report of the school district' },
      metadata,
    });
  } else {
    ledger.execute(stream, partnershipDecider, {
      type: 'RetireObjective',
      data: { partnershipId, objectiveId, reason: 'Taken over by the regional programme' },
      metadata,
    });
  }
  yield;
}

/** A member takes another role in the partnership. */
export function* changeRole(context: EpisodeContext, partnershipId: string): Episode {
  const { ledger, random } = context;
  ledger.execute(partnershipStream(partnershipId), partnershipDecider, {
    type: 'ChangePartnerRole',
    data: {
      partnershipId,
      partnerId: random.pick(context.members(partnershipId)),
      role: random.pick(['lead', 'member', 'funder', 'host', 'coordinator']),
      responsibilities: random.sample(RESPONSIBILITIES, random.int(1, 3)),
    },
    metadata: ledger.metadata(ADMIN),
  });
  yield;
}
