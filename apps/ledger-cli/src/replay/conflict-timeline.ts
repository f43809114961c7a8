import type { CaseState, CaseStep } from '@cohesion/projections';

/** The case's timeline as an operator reads it: each step, then the case as it stood after it. */
export function conflictTimeline(conflictId: string, steps: readonly CaseStep[]): string {
  const lines = [`conflict ${conflictId}: ${steps.length} steps`];
  for (const step of steps) {
    const actor = step.actor.partnerId
      ? `${step.actor.sub} for ${step.actor.partnerId}`
      : step.actor.sub;
    const late = step.backfilled ? `, back-filled: ${step.backfillReason}` : '';
    lines.push(
      `#${step.revision} ${step.effectiveDate} ${step.type} by ${actor} ` +
        `(recorded ${step.recordedAt}${late})`,
    );
    lines.push(`    ${stateLine(step.state)}`);
  }
  return `${lines.join('\n')}\n`;
}

function stateLine(state: CaseState): string {
  const parts = [
    `status ${state.status}`,
    `mediator ${mediatorOf(state)}`,
    `statements ${state.statements}`,
    `sessions ${state.sessions}`,
    `proposals ${state.proposals}`,
  ];
  if (state.pendingResolution) parts.push(`pending proposal ${state.pendingResolution.proposalId}`);
  if (state.outcome) parts.push(`outcome ${state.outcome.kind}`);
  if (state.followUpReviewOn) parts.push(`follow-up review ${state.followUpReviewOn}`);
  return parts.join(', ');
}

function mediatorOf(state: CaseState): string {
  if (state.mediatorId) return state.mediatorId;
  return state.pendingMediator ? `${state.pendingMediator.mediatorId} (proposed)` : 'none';
}
