import { Injectable } from '@nestjs/common';
import {
  agreementDecider,
  AggregateNotFound,
  commitmentDecider,
  type ConflictCommand,
  type ConflictState,
  type ConflictSubject,
  contributionDecider,
  personDecider,
  type ProposeMediator,
  type RaiseConflict,
  RuleViolation,
} from '@cohesion/domain';
import { actingPartner } from '../command-side/acting-partner';
import { AggregateStore } from '../command-side/aggregate-store';
import { streamOf } from '../command-side/streams';
import type { CommandContext } from '../command-side/command-context';
import { CommandAccess } from '../command-side/command-access';
import type { ConflictRequest, ProposeResolutionRequest } from './conflict-requests';

/** Rules about other streams, which the conflict decider cannot see: checked before it decides. */
export const CONFLICT_REFERENCE_RULES = [
  'conflict-subject-not-in-partnership',
  'conflict-agreement-not-in-partnership',
] as const;
export type ConflictReferenceRule = (typeof CONFLICT_REFERENCE_RULES)[number];

/** Completes a conflict request with what only other streams (or the conflict itself) know. */
@Injectable()
export class ConflictFacts {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly access: CommandAccess,
  ) {}

  /** `conflict` is the case as the handler read it for this command. */
  async complete(
    request: ConflictRequest,
    context: CommandContext,
    conflict: ConflictState,
  ): Promise<ConflictCommand> {
    if (request.type === 'RaiseConflict') return this.raise(request, context);
    if (request.type === 'ProposeMediator') return this.mediatorProposal(request);
    if (request.type === 'ProposeResolution') {
      return this.resolutionProposal(request, context, conflict);
    }
    return request;
  }

  /** Membership first: a non-member learns nothing of the partnership's commitments and others. */
  private async raise(
    request: Omit<RaiseConflict, 'partnership'>,
    context: CommandContext,
  ): Promise<RaiseConflict> {
    const { partnershipId, subject } = request.data;
    const partnership = await this.access.inPartnership(context, partnershipId);
    await this.assertSubjectIn(partnershipId, subject);
    return { ...request, partnership };
  }

  /**
   * Whom the proposed mediator acts for, as the people directory's own stream says now: the
   * decider refuses a person who acts for a party. A mediator the directory does not know (signed
   * in through another identity provider, or from outside) acts for no one it knows of.
   */
  private async mediatorProposal(
    request: Omit<ProposeMediator, 'mediator'>,
  ): Promise<ProposeMediator> {
    const person = streamOf('person', request.data.mediatorId);
    const { state } = await this.aggregates.load(person, personDecider);
    return { ...request, mediator: { actsFor: state.partnerId } };
  }

  /**
   * The assigned mediator proposes as themself (their `sub`); anyone else proposes for the
   * partner they act for. The mediator cannot change once assigned, so reading it first is safe.
   */
  private async resolutionProposal(
    request: ProposeResolutionRequest,
    context: CommandContext,
    state: ConflictState,
  ): Promise<ConflictCommand> {
    const { conflictId, proposedBy: named, amendsAgreementId } = request.data;
    if (state.status === 'none') throw new AggregateNotFound('Conflict', conflictId);
    const { sub } = context.actor;
    const byMediator = named === undefined && state.mediatorId === sub;
    const proposedBy = byMediator ? sub : actingPartner(context, named);
    if (amendsAgreementId !== undefined) {
      const { partnershipId } = await this.agreement(amendsAgreementId);
      if (partnershipId !== state.partnershipId) {
        throw new RuleViolation<ConflictReferenceRule>(
          'conflict-agreement-not-in-partnership',
          `Agreement ${amendsAgreementId} is not an agreement of partnership ${state.partnershipId}`,
        );
      }
    }
    return { ...request, data: { ...request.data, proposedBy } };
  }

  /** The subject must be a recorded fact of the same partnership (a free subject is just words). */
  private async assertSubjectIn(partnershipId: string, subject: ConflictSubject): Promise<void> {
    switch (subject.kind) {
      case 'free':
        return;
      case 'commitment': {
        const { state } = await this.aggregates.load(
          streamOf('commitment', subject.commitmentId),
          commitmentDecider,
        );
        return assertSubject(state.partnershipId === partnershipId, partnershipId, subject);
      }
      case 'contribution': {
        const { state } = await this.aggregates.load(
          streamOf('contribution', subject.contributionId),
          contributionDecider,
        );
        return assertSubject(state.partnershipId === partnershipId, partnershipId, subject);
      }
      case 'agreement_clause': {
        const agreement = await this.agreement(subject.agreementId);
        // Any terms version counts: a dispute may be about obligations under earlier terms.
        const hasClause = agreement.terms.some((terms) =>
          terms.clauses.some((clause) => clause.clauseId === subject.clauseId),
        );
        return assertSubject(
          agreement.partnershipId === partnershipId && hasClause,
          partnershipId,
          subject,
        );
      }
    }
  }

  private async agreement(agreementId: string) {
    const { state } = await this.aggregates.load(
      streamOf('agreement', agreementId),
      agreementDecider,
    );
    return state;
  }
}

function assertSubject(found: boolean, partnershipId: string, subject: ConflictSubject): void {
  if (found) return;
  const { kind, ...ids } = subject;
  throw new RuleViolation<ConflictReferenceRule>(
    'conflict-subject-not-in-partnership',
    `No ${kind} ${Object.values(ids).join('/')} is recorded in partnership ${partnershipId}`,
  );
}
