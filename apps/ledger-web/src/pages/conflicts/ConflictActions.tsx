import type { components } from '../../api/schema';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useSignedIn } from '../../auth/SessionProvider';
import { useT } from '../../i18n/use-t';
import { useToday } from '../../kit/dates';
import type { PartnerNames } from '../partner-names';
import { ChoiceBoxes, ticked } from '../../kit/ChoiceBoxes';
import { type ActText, ConflictAct } from './ConflictAct';
import { conflictActsOf } from './conflict-acts';
import type { Mediators } from './mediators';
import { ProposeMediator } from './ProposeMediator';

type Conflict = components['schemas']['ConflictCaseDocument'];

/**
 * What the signed-in person may do with the case now, each act a form: only the acts the ledger's
 * rules leave them (the ledger still decides, and its refusal shows on the form).
 */
export function ConflictActions({
  conflict,
  name,
  mediators,
  onRecorded,
}: {
  readonly conflict: Conflict;
  readonly name: PartnerNames;
  /** Whom a party may propose, and the proposed mediator's name. */
  readonly mediators: Mediators;
  /** Once recorded: what to say, and the case to load again. */
  readonly onRecorded: (said: string) => void;
}) {
  const t = useT();
  const today = useToday();
  const client = useLedgerClient();
  const session = useSignedIn();
  const may = conflictActsOf(conflict, session);
  if (!Object.values(may).some(Boolean)) return null;
  const { conflictId } = conflict;
  const path = { conflictId };
  const mediatorId = conflict.pendingMediator?.mediatorId ?? '';
  const mediator = mediators.name(mediatorId);
  const proposalId = conflict.pendingResolution?.proposalId ?? '';
  const involved = [conflict.raisedBy, ...conflict.parties];
  const why: ActText = { name: 'reason', label: t('conflictForm.reason'), kind: 'paragraph' };
  return (
    <section aria-labelledby="conflict-acts">
      <h2 id="conflict-acts">{t('conflictForm.yourActs')}</h2>
      {may.acknowledge ? (
        <ConflictAct
          submitLabel={t('conflictForm.acknowledge')}
          said={t('conflictForm.done.acknowledged')}
          onRecorded={onRecorded}
          send={(_values, init) =>
            client.POST('/conflicts/{conflictId}/acknowledgement', {
              ...init,
              params: { path },
              body: {},
            })
          }
        />
      ) : null}
      {may.answerMediator ? (
        <>
          <p>{t('conflictForm.mediatorProposed', { mediator })}</p>
          <ConflictAct
            submitLabel={t('conflictForm.acceptMediator', { mediator })}
            said={t('conflictForm.done.mediatorAccepted')}
            onRecorded={onRecorded}
            send={(_values, init) =>
              client.POST('/conflicts/{conflictId}/mediator-proposals/{mediatorId}/acceptance', {
                ...init,
                params: { path: { conflictId, mediatorId } },
                body: {},
              })
            }
          />
          <ConflictAct
            title={t('conflictForm.objectToMediator', { mediator })}
            submitLabel={t('conflictForm.objectSubmit')}
            said={t('conflictForm.done.mediatorObjected')}
            texts={[why]}
            onRecorded={onRecorded}
            send={({ text, act }, init) =>
              client.POST('/conflicts/{conflictId}/mediator-proposals/{mediatorId}/objection', {
                ...init,
                params: { path: { conflictId, mediatorId } },
                body: { reason: text('reason'), ...act },
              })
            }
          />
        </>
      ) : null}
      {may.answerResolution ? (
        <>
          <ConflictAct
            submitLabel={t('conflictForm.acceptResolution')}
            said={t('conflictForm.done.resolutionAccepted')}
            onRecorded={onRecorded}
            send={(_values, init) =>
              client.POST('/conflicts/{conflictId}/resolution-proposals/{proposalId}/acceptance', {
                ...init,
                params: { path: { conflictId, proposalId } },
                body: {},
              })
            }
          />
          <ConflictAct
            title={t('conflictForm.rejectResolution')}
            submitLabel={t('conflictForm.rejectSubmit')}
            said={t('conflictForm.done.resolutionRejected')}
            texts={[why]}
            onRecorded={onRecorded}
            send={({ text, act }, init) =>
              client.POST('/conflicts/{conflictId}/resolution-proposals/{proposalId}/rejection', {
                ...init,
                params: { path: { conflictId, proposalId } },
                body: { reason: text('reason'), ...act },
              })
            }
          />
        </>
      ) : null}
      {may.proposeMediator ? (
        <ProposeMediator conflictId={conflictId} mediators={mediators} onRecorded={onRecorded} />
      ) : null}
      {may.recordStatement ? (
        <ConflictAct
          title={t('conflictForm.statement')}
          submitLabel={t('conflictForm.statementSubmit')}
          said={t('conflictForm.done.statementRecorded')}
          texts={[{ name: 'text', label: t('conflictForm.statementText'), kind: 'paragraph' }]}
          onRecorded={onRecorded}
          send={({ text, act }, init) =>
            client.POST('/conflicts/{conflictId}/statements', {
              ...init,
              params: { path },
              body: { text: text('text'), ...act },
            })
          }
        />
      ) : null}
      {may.recordSession ? (
        <ConflictAct
          title={t('conflictForm.session')}
          submitLabel={t('conflictForm.sessionSubmit')}
          said={t('conflictForm.done.sessionRecorded')}
          texts={[
            {
              name: 'heldOn',
              label: t('conflictForm.heldOn'),
              kind: 'date',
              max: today,
              defaultValue: today,
            },
            { name: 'summary', label: t('conflictForm.sessionSummary'), kind: 'paragraph' },
          ]}
          more={{
            fields: ['attendees'],
            render: (errorsOf) => (
              <ChoiceBoxes
                name="attendees"
                legend={t('conflictForm.attendees')}
                choices={[
                  ...involved.map((partnerId) => ({ value: partnerId, label: name(partnerId) })),
                  { value: session.personId, label: t('conflictForm.youMediator') },
                ]}
                chosen={[...involved, session.personId]}
                errors={errorsOf('attendees')}
              />
            ),
          }}
          onRecorded={onRecorded}
          send={({ text, act, form }, init) =>
            client.POST('/conflicts/{conflictId}/sessions', {
              ...init,
              params: { path },
              body: {
                heldOn: text('heldOn'),
                attendees: ticked(form, 'attendees'),
                summary: text('summary'),
                ...act,
              },
            })
          }
        />
      ) : null}
      {may.proposeResolution ? (
        <ConflictAct
          title={t('conflictForm.proposeResolution')}
          submitLabel={t('conflictForm.proposeResolutionSubmit')}
          said={t('conflictForm.done.resolutionProposed')}
          texts={[{ name: 'terms', label: t('conflictForm.resolutionTerms'), kind: 'paragraph' }]}
          onRecorded={onRecorded}
          send={({ text, act }, init) =>
            client.POST('/conflicts/{conflictId}/resolution-proposals', {
              ...init,
              params: { path },
              body: { terms: text('terms'), ...act },
            })
          }
        />
      ) : null}
      {may.scheduleFollowUp ? (
        <ConflictAct
          title={t('conflictForm.followUp')}
          submitLabel={t('conflictForm.followUpSubmit')}
          said={t('conflictForm.done.followUpScheduled')}
          texts={[
            { name: 'reviewOn', label: t('conflictForm.reviewOn'), kind: 'date', min: today },
          ]}
          onRecorded={onRecorded}
          send={({ text, act }, init) =>
            client.PUT('/conflicts/{conflictId}/follow-up-review', {
              ...init,
              params: { path },
              body: { reviewOn: text('reviewOn'), ...act },
            })
          }
        />
      ) : null}
      {may.escalate ? (
        <ConflictAct
          title={t('conflictForm.escalate')}
          submitLabel={t('conflictForm.escalateSubmit')}
          said={t('conflictForm.done.escalated')}
          texts={[{ name: 'escalatedTo', label: t('conflictForm.escalatedTo') }, why]}
          onRecorded={onRecorded}
          send={({ text, act }, init) =>
            client.POST('/conflicts/{conflictId}/escalation', {
              ...init,
              params: { path },
              body: { escalatedTo: text('escalatedTo'), reason: text('reason'), ...act },
            })
          }
        />
      ) : null}
      {may.withdraw ? (
        <ConflictAct
          title={t('conflictForm.withdraw')}
          submitLabel={t('conflictForm.withdrawSubmit')}
          said={t('conflictForm.done.withdrawn')}
          texts={[why]}
          onRecorded={onRecorded}
          send={({ text, act }, init) =>
            client.POST('/conflicts/{conflictId}/withdrawal', {
              ...init,
              params: { path },
              body: { reason: text('reason'), ...act },
            })
          }
        />
      ) : null}
    </section>
  );
}
