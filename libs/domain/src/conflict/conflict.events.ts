/**
 * What the conflict is about. The ids are recorded as given: the decider cannot see other
 * streams, so a handler that wants them to exist checks before deciding.
 */
export type ConflictSubject =
  | { kind: 'commitment'; commitmentId: string }
  | { kind: 'contribution'; contributionId: string }
  | { kind: 'agreement_clause'; agreementId: string; clauseId: string }
  | { kind: 'free'; description: string };

export type ConflictEvent =
  | {
      type: 'ConflictRaised';
      data: {
        conflictId: string;
        partnershipId: string;
        raisedBy: string;
        /** The partners the conflict is raised against (the raiser is a party too). */
        parties: string[];
        subject: ConflictSubject;
        summary: string;
      };
    }
  | { type: 'ConflictAcknowledged'; data: { conflictId: string; acknowledgedBy: string } }
  | { type: 'MediatorProposed'; data: { conflictId: string; mediatorId: string } }
  | {
      type: 'MediatorObjected';
      data: { conflictId: string; mediatorId: string; partyId: string; reason: string };
    }
  | { type: 'MediatorAccepted'; data: { conflictId: string; mediatorId: string; partyId: string } }
  /** Every party accepted the mediator: mediation begins. */
  | { type: 'MediatorAssigned'; data: { conflictId: string; mediatorId: string } }
  | {
      type: 'StatementRecorded';
      data: { conflictId: string; statementId: string; partyId: string; text: string };
    }
  | {
      type: 'MediationSessionHeld';
      data: {
        conflictId: string;
        sessionId: string;
        heldOn: string;
        attendees: string[];
        summary: string;
        /** The mediator who recorded it. */
        recordedBy: string;
      };
    }
  | {
      type: 'ResolutionProposed';
      data: {
        conflictId: string;
        proposalId: string;
        proposedBy: string;
        terms: string;
        /** Set when resolving the conflict means amending that agreement. */
        amendsAgreementId?: string;
      };
    }
  | {
      type: 'ResolutionAccepted';
      data: { conflictId: string; proposalId: string; partyId: string };
    }
  | {
      type: 'ResolutionRejected';
      data: { conflictId: string; proposalId: string; partyId: string; reason: string };
    }
  | {
      type: 'ConflictResolved';
      data: { conflictId: string; proposalId: string; amendsAgreementId?: string };
    }
  | {
      type: 'ConflictEscalated';
      data: { conflictId: string; escalatedTo: string; reason: string };
    }
  | {
      type: 'ConflictWithdrawn';
      data: { conflictId: string; withdrawnBy: string; reason: string };
    }
  | { type: 'FollowUpReviewScheduled'; data: { conflictId: string; reviewOn: string } };
