import { type AgreementClause, agreementDecider, currentTerms } from '@cohesion/domain';
import {
  ADMIN,
  type Episode,
  type EpisodeContext,
  partnerActor,
  storyOfNew,
} from '../episode-context';

const clausesOf = (count: number, wording: string): AgreementClause[] =>
  Array.from({ length: count }, (_, index) => ({
    clauseId: `c${index + 1}`,
    text: `${wording} ${index + 1}: the parties share the venues and report every quarter.`,
  }));

/**
 * An agreement between members: proposed, perhaps amended, signed by every party (in force
 * with the last signature), sometimes declined, terminated, or left to expire.
 */
export const agreementLife = (context: EpisodeContext, partnershipId: string): Episode =>
  storyOfNew(context, 'agreement', (id) => agreementStory(context, partnershipId, id));

function* agreementStory(
  context: EpisodeContext,
  partnershipId: string,
  agreementId: string,
): Episode {
  const { ledger, random } = context;
  const parties = context.someMembers(partnershipId, random.int(2, 4));
  const stream = `agreement-${agreementId}`;
  const expires = random.chance(0.15);
  const endsOn = expires ? ledger.day(random.int(20, 60)) : undefined;
  const clauseCount = random.int(3, 6);
  ledger.execute(stream, agreementDecider, {
    type: 'ProposeAgreement',
    data: {
      agreementId,
      partnershipId,
      title: 'Shared use of the community centre',
      parties,
      clauses: clausesOf(clauseCount, 'Clause'),
      ...(endsOn !== undefined ? { endsOn } : {}),
    },
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata(partnerActor(parties[0])),
  });
  yield;
  if (random.chance(0.05)) {
    ledger.execute(stream, agreementDecider, {
      type: 'DeclineAgreement',
      data: { agreementId, partyId: parties[1], reason: 'The schedule does not suit us' },
      metadata: ledger.metadata(partnerActor(parties[1])),
    });
    yield;
    return;
  }
  if (random.chance(0.15)) {
    ledger.execute(stream, agreementDecider, {
      type: 'AmendAgreement',
      data: {
        agreementId,
        amendedBy: parties[1],
        clauses: clausesOf(clauseCount, 'Amended clause'),
        reason: 'Opening hours changed',
      },
      metadata: ledger.metadata(partnerActor(parties[1])),
    });
    yield;
  }
  for (const partyId of parties) {
    const terms = currentTerms(ledger.state(stream, agreementDecider));
    ledger.execute(stream, agreementDecider, {
      type: 'SignAgreement',
      data: { agreementId, partyId, termsHash: terms?.termsHash ?? '' },
      metadata: ledger.metadata(partnerActor(partyId)),
    });
    yield;
  }
  if (endsOn !== undefined) {
    while (ledger.today <= endsOn) yield;
    ledger.execute(stream, agreementDecider, {
      type: 'ExpireAgreement',
      data: { agreementId },
      metadata: ledger.metadata(ADMIN),
    });
    yield;
  } else if (random.chance(0.1)) {
    ledger.execute(stream, agreementDecider, {
      type: 'TerminateAgreement',
      data: { agreementId, terminatedBy: parties[0], reason: 'The centre closed for works' },
      metadata: ledger.metadata(partnerActor(parties[0])),
    });
    yield;
  }
}
