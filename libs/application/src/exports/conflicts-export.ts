import type { ConflictCaseView } from '../conflicts/conflict-cases.query';
import { type Column, columnsOf, joined, namesOf } from './export-columns';

const c = columnsOf<ConflictCaseView>();

/** The subject's reference: the commitment, contribution or agreement it concerns. */
function subjectIdOf({ subject }: ConflictCaseView): string | null {
  switch (subject.kind) {
    case 'commitment':
      return subject.commitmentId;
    case 'contribution':
      return subject.contributionId;
    case 'agreement_clause':
      return subject.agreementId;
    case 'free':
      return null;
  }
}

/**
 * Conflict cases, one record per case, as GET /conflicts lists them to the same reader (a case
 * is confidential to its parties, its mediator, administrators and auditors).
 */
export const CONFLICT_COLUMNS: readonly Column<ConflictCaseView>[] = [
  c.text('conflictId', (row) => row.conflictId),
  c.text('partnershipId', (row) => row.partnershipId),
  c.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  c.text('status', (row) => row.status),
  c.boolean('open', (row) => row.open),
  c.text('raisedBy', (row) => row.raisedBy),
  c.name('raisedByName', (row, names) => names.partner(row.partnershipId, row.raisedBy)),
  c.text('parties', (row) => joined(row.parties)),
  c.name('partyNames', (row, names) =>
    namesOf(row.parties, (partnerId) => names.partner(row.partnershipId, partnerId)),
  ),
  c.text('subjectKind', (row) => row.subject.kind),
  c.text('subjectId', subjectIdOf),
  c.text('subjectClauseId', ({ subject }) =>
    subject.kind === 'agreement_clause' ? subject.clauseId : null,
  ),
  c.text('subjectDescription', ({ subject }) =>
    subject.kind === 'free' ? subject.description : null,
  ),
  c.text('summary', (row, names) => names.personal(row.summary)),
  c.text('mediatorId', (row) => row.mediatorId),
  c.text('proposedMediatorId', (row) => row.pendingMediator?.mediatorId ?? null),
  c.text('pendingResolutionId', (row) => row.pendingResolution?.proposalId ?? null),
  c.integer('statements', (row) => row.statements),
  c.integer('sessions', (row) => row.sessions),
  c.integer('proposals', (row) => row.proposals),
  c.integer('mediatorObjections', (row) => row.mediatorObjections),
  c.integer('rejectedProposals', (row) => row.rejectedProposals),
  c.date('latestSessionOn', (row) => row.latestSession?.heldOn ?? null),
  c.text('latestSessionSummary', (row, names) =>
    row.latestSession ? names.personal(row.latestSession.summary) : null,
  ),
  c.text('outcome', (row) => row.outcome?.kind ?? null),
  c.text('resolvedByProposalId', ({ outcome }) =>
    outcome?.kind === 'resolved' ? outcome.proposalId : null,
  ),
  c.text('amendsAgreementId', ({ outcome }) =>
    outcome?.kind === 'resolved' ? outcome.amendsAgreementId : null,
  ),
  c.text('escalatedTo', ({ outcome }) =>
    outcome?.kind === 'escalated' ? outcome.escalatedTo : null,
  ),
  c.text('withdrawnBy', ({ outcome }) =>
    outcome?.kind === 'withdrawn' ? outcome.withdrawnBy : null,
  ),
  c.text('outcomeReason', ({ outcome }) =>
    outcome === null || outcome.kind === 'resolved' ? null : outcome.reason,
  ),
  c.date('followUpReviewOn', (row) => row.followUpReviewOn),
  c.instant('raisedAt', (row) => row.raisedAt),
  c.instant('resolvedAt', (row) => row.resolvedAt),
  c.instant('closedAt', (row) => row.closedAt),
  c.integer('timeToResolutionMs', (row) => row.timeToResolutionMs),
  c.instant('updatedAt', (row) => row.updatedAt),
  c.integer('revision', (row) => row.revision),
];
