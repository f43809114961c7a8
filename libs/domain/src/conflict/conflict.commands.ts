import type { Command } from '../decider';
import type { PartnershipFacts } from '../partnership';
import type { ConflictSubject } from './conflict.events';

/** The raiser and the parties must be members of an open partnership: the handler folds it. */
export type RaiseConflict = Command<
  'RaiseConflict',
  {
    conflictId: string;
    partnershipId: string;
    raisedBy: string;
    parties: string[];
    subject: ConflictSubject;
    summary: string;
  }
> & { readonly partnership: PartnershipFacts };

/**
 * What the people directory says of the proposed mediator: the partner they act for (null when
 * they act for none, or the directory does not know them). The handler reads it.
 */
export interface MediatorFacts {
  readonly actsFor: string | null;
}

export type ProposeMediator = Command<
  'ProposeMediator',
  { conflictId: string; mediatorId: string }
> & {
  readonly mediator: MediatorFacts;
};

/**
 * Who acts (`raisedBy`, `partyId`, `recordedBy`, …) is a field of the command, filled by the
 * handler from the authenticated principal (a partner id, or the mediator's `sub`), never from
 * the request body.
 */
export type ConflictCommand =
  | RaiseConflict
  | Command<'AcknowledgeConflict', { conflictId: string; acknowledgedBy: string }>
  | ProposeMediator
  /** The mediator is named, so that an answer never lands on a proposal the party did not see. */
  | Command<
      'ObjectToMediator',
      { conflictId: string; mediatorId: string; partyId: string; reason: string }
    >
  | Command<'AcceptMediator', { conflictId: string; mediatorId: string; partyId: string }>
  | Command<
      'RecordStatement',
      { conflictId: string; statementId: string; partyId: string; text: string }
    >
  | Command<
      'RecordMediationSession',
      {
        conflictId: string;
        sessionId: string;
        heldOn: string;
        attendees: string[];
        summary: string;
        recordedBy: string;
      }
    >
  | Command<
      'ProposeResolution',
      {
        conflictId: string;
        proposalId: string;
        proposedBy: string;
        terms: string;
        amendsAgreementId?: string;
      }
    >
  | Command<'AcceptResolution', { conflictId: string; proposalId: string; partyId: string }>
  | Command<
      'RejectResolution',
      { conflictId: string; proposalId: string; partyId: string; reason: string }
    >
  | Command<'EscalateConflict', { conflictId: string; escalatedTo: string; reason: string }>
  | Command<'WithdrawConflict', { conflictId: string; withdrawnBy: string; reason: string }>
  | Command<'ScheduleFollowUpReview', { conflictId: string; reviewOn: string }>;
