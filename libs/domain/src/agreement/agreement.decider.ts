import { effectiveDateOf } from '../calendar';
import { isOpenForActivity } from '../partnership/partnership.state';
import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { AgreementCommand, ProposeAgreement } from './agreement.commands';
import type { AgreementClause, AgreementEvent } from './agreement.events';
import {
  type AgreementState,
  currentTerms,
  initialAgreementState,
  isAgreementClosed,
  type AgreementTermsVersion,
} from './agreement.state';
import { termsHash } from './terms-hash';

export const AGREEMENT_RULES = [
  'agreement-already-proposed',
  'agreement-partnership-mismatch',
  'agreement-partnership-not-open',
  'agreement-parties-duplicated',
  'agreement-needs-two-parties',
  'agreement-party-not-member',
  'agreement-terms-empty',
  'agreement-clauses-duplicated',
  'agreement-end-date-passed',
  'agreement-closed',
  'agreement-not-a-party',
  'agreement-amendment-changes-nothing',
  'agreement-signature-on-outdated-terms',
  'agreement-signature-on-unknown-terms',
  'agreement-already-signed',
  'agreement-not-awaiting-signatures',
  'agreement-not-in-force',
  'agreement-without-end-date',
  'agreement-not-yet-ended',
] as const;
export type AgreementRule = (typeof AGREEMENT_RULES)[number];

const violation = (rule: AgreementRule, message: string) => new RuleViolation(rule, message);

/** The calendar date of the command's clock, to compare with `YYYY-MM-DD` dates. */
/** The day of the act: an agreement's end is judged on the day it took effect. */
const today = (command: AgreementCommand): string => effectiveDateOf(command.metadata);

export function decideAgreement(
  command: AgreementCommand,
  state: AgreementState,
): AgreementEvent[] {
  if (command.type === 'ProposeAgreement') return decideProposal(command, state);
  const { agreementId } = command.data;
  const current = currentTerms(state);
  if (state.status === 'none' || !current) throw new AggregateNotFound('Agreement', agreementId);
  if (isAgreementClosed(state)) {
    throw violation(
      'agreement-closed',
      `Agreement ${agreementId} is ${state.status} and accepts nothing new`,
    );
  }
  switch (command.type) {
    case 'AmendAgreement': {
      const { amendedBy, reason } = command.data;
      assertParty(state, amendedBy);
      const clauses = assertValidTerms(command.data.clauses);
      if (sameClauses(clauses, current.clauses)) {
        throw violation(
          'agreement-amendment-changes-nothing',
          `The amendment repeats terms version ${current.version} word for word`,
        );
      }
      const version = current.version + 1;
      return [
        {
          type: 'AgreementAmended',
          data: {
            agreementId,
            amendedBy,
            version,
            clauses,
            termsHash: termsHash(agreementId, version, clauses),
            reason,
          },
        },
      ];
    }
    case 'SignAgreement':
      return decideSignature(command, state, current);
    case 'DeclineAgreement': {
      const { partyId } = command.data;
      assertAwaitingSignatures(state);
      assertParty(state, partyId);
      // Having signed these very terms, a party asks for an amendment rather than declining.
      assertNotSigned(state, partyId, current);
      return [{ type: 'AgreementDeclined', data: command.data }];
    }
    case 'TerminateAgreement':
      if (state.status !== 'in_force') {
        throw violation('agreement-not-in-force', `Agreement ${agreementId} is not in force`);
      }
      assertParty(state, command.data.terminatedBy);
      return [{ type: 'AgreementTerminated', data: command.data }];
    case 'ExpireAgreement': {
      const { endsOn } = state;
      if (endsOn === undefined) {
        throw violation('agreement-without-end-date', `Agreement ${agreementId} has no end date`);
      }
      if (today(command) <= endsOn) {
        throw violation('agreement-not-yet-ended', `Agreement ${agreementId} runs until ${endsOn}`);
      }
      return [{ type: 'AgreementExpired', data: { agreementId, endsOn } }];
    }
  }
}

function decideProposal(command: ProposeAgreement, state: AgreementState): AgreementEvent[] {
  const { agreementId, partnershipId, title, parties, endsOn } = command.data;
  const { partnership } = command;
  if (state.status !== 'none') {
    throw violation('agreement-already-proposed', `Agreement ${agreementId} already exists`);
  }
  // Guards the handler: the facts must describe the partnership the agreement is proposed in.
  if (partnership.partnershipId !== partnershipId) {
    throw violation(
      'agreement-partnership-mismatch',
      `Facts about ${partnership.partnershipId} cannot decide for partnership ${partnershipId}`,
    );
  }
  if (!isOpenForActivity(partnership)) {
    throw violation(
      'agreement-partnership-not-open',
      `Partnership ${partnershipId} is ${partnership.status}`,
    );
  }
  if (new Set(parties).size !== parties.length) {
    throw violation('agreement-parties-duplicated', 'A party is named more than once');
  }
  if (parties.length < 2) {
    throw violation('agreement-needs-two-parties', 'An agreement binds at least two parties');
  }
  const strangers = parties.filter((partyId) => !partnership.memberIds.includes(partyId));
  if (strangers.length > 0) {
    throw violation(
      'agreement-party-not-member',
      `Parties are not members of ${partnershipId}: ${strangers.join(', ')}`,
    );
  }
  const clauses = assertValidTerms(command.data.clauses);
  if (endsOn !== undefined && endsOn < today(command)) {
    throw violation(
      'agreement-end-date-passed',
      `An agreement ending on ${endsOn} is already over`,
    );
  }
  return [
    {
      type: 'AgreementProposed',
      data: {
        agreementId,
        partnershipId,
        title,
        parties,
        version: 1,
        clauses,
        termsHash: termsHash(agreementId, 1, clauses),
        ...(endsOn !== undefined ? { endsOn } : {}),
      },
    },
  ];
}

function decideSignature(
  command: Extract<AgreementCommand, { type: 'SignAgreement' }>,
  state: AgreementState,
  current: AgreementTermsVersion,
): AgreementEvent[] {
  const { agreementId, partyId, termsHash: signed } = command.data;
  assertParty(state, partyId);
  if (signed !== current.termsHash) {
    const outdated = state.terms.find((terms) => terms.termsHash === signed);
    if (outdated) {
      throw violation(
        'agreement-signature-on-outdated-terms',
        `Signed terms version ${outdated.version}, but the current version is ${current.version}`,
      );
    }
    throw violation(
      'agreement-signature-on-unknown-terms',
      `The signed hash matches no terms version of agreement ${agreementId}`,
    );
  }
  assertNotSigned(state, partyId, current);
  // Once the end date has passed, there is nothing left to put in force.
  if (state.endsOn !== undefined && state.endsOn < today(command)) {
    throw violation(
      'agreement-end-date-passed',
      `Agreement ${agreementId} ended on ${state.endsOn}`,
    );
  }
  const { version } = current;
  const signature: AgreementEvent = {
    type: 'AgreementSigned',
    data: { agreementId, partyId, version, termsHash: signed },
  };
  const everyPartySigned = state.parties.every(
    (party) => party === partyId || state.signedBy.includes(party),
  );
  if (!everyPartySigned) return [signature];
  return [
    signature,
    { type: 'AgreementEnteredIntoForce', data: { agreementId, version, termsHash: signed } },
  ];
}

/** Returns the clauses reduced to what is hashed (id and text), in their order. */
function assertValidTerms(clauses: readonly AgreementClause[]): AgreementClause[] {
  if (clauses.length === 0) throw violation('agreement-terms-empty', 'Terms need a clause');
  const ids = clauses.map((clause) => clause.clauseId);
  if (new Set(ids).size !== ids.length) {
    throw violation('agreement-clauses-duplicated', 'A clause id is used more than once');
  }
  return clauses.map(({ clauseId, text }) => ({ clauseId, text }));
}

function sameClauses(a: readonly AgreementClause[], b: readonly AgreementClause[]): boolean {
  return (
    a.length === b.length &&
    a.every((clause, i) => clause.clauseId === b[i].clauseId && clause.text === b[i].text)
  );
}

function assertParty(state: AgreementState, partyId: string): void {
  if (!state.parties.includes(partyId)) {
    throw violation(
      'agreement-not-a-party',
      `${partyId} is not a party to agreement ${state.agreementId}`,
    );
  }
}

function assertNotSigned(
  state: AgreementState,
  partyId: string,
  current: AgreementTermsVersion,
): void {
  if (state.signedBy.includes(partyId)) {
    throw violation(
      'agreement-already-signed',
      `${partyId} already signed terms version ${current.version}`,
    );
  }
}

function assertAwaitingSignatures(state: AgreementState): void {
  if (state.status !== 'awaiting_signatures') {
    throw violation(
      'agreement-not-awaiting-signatures',
      `Agreement ${state.agreementId} is ${state.status}`,
    );
  }
}

export function evolveAgreement(state: AgreementState, event: AgreementEvent): AgreementState {
  switch (event.type) {
    case 'AgreementProposed': {
      const { agreementId, partnershipId, title, parties, endsOn } = event.data;
      const { version, clauses, termsHash } = event.data;
      return {
        ...state,
        status: 'awaiting_signatures',
        agreementId,
        partnershipId,
        title,
        parties,
        ...(endsOn !== undefined ? { endsOn } : {}),
        terms: [{ version, clauses, termsHash }],
        signedBy: [],
      };
    }
    case 'AgreementAmended': {
      const { version, clauses, termsHash } = event.data;
      // Earlier signatures bound the earlier hash: void, even on an agreement in force.
      return {
        ...state,
        status: 'awaiting_signatures',
        terms: [...state.terms, { version, clauses, termsHash }],
        signedBy: [],
      };
    }
    case 'AgreementSigned':
      return { ...state, signedBy: [...state.signedBy, event.data.partyId] };
    case 'AgreementEnteredIntoForce':
      return { ...state, status: 'in_force' };
    case 'AgreementDeclined':
      return { ...state, status: 'declined' };
    case 'AgreementTerminated':
      return { ...state, status: 'terminated' };
    case 'AgreementExpired':
      return { ...state, status: 'expired' };
  }
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: initialAgreementState,
  evolve: evolveAgreement,
  decide: decideAgreement,
};
