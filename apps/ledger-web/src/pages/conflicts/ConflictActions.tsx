import type { components } from '../../api/schema';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useSignedIn } from '../../auth/SessionProvider';
import { useT } from '../../i18n/use-t';
import { today } from '../../kit/dates';
import { Field } from '../../kit/Field';
import { TextAreaField } from '../../kit/TextAreaField';
import { actOf } from '../../kit/command/ActFields';
import { formText } from '../../kit/form-text';
import type { PartnerNames } from '../partner-names';
import { PartnerChoices, chosenValues } from '../partnership/PartnerChoices';
import { ConflictAct } from './ConflictAct';
import { conflictActsOf } from './conflict-acts';

type Conflict = components['schemas']['ConflictCaseDocument'];

const text = (form: FormData, name: string) => formText(form, name).trim();

/**
 * What the signed-in person may do with the case now, each act a form: only the acts the ledger's
 * rules leave them (the ledger still decides, and its refusal shows on the form).
 */
export function ConflictActions({
  conflict,
  name,
  onRecorded,
}: {
  readonly conflict: Conflict;
  readonly name: PartnerNames;
  /** Once recorded: what to say, and the case to load again. */
  readonly onRecorded: (said: string) => void;
}) {
  const t = useT();
  const client = useLedgerClient();
  const session = useSignedIn();
  const may = conflictActsOf(conflict, session);
  if (!Object.values(may).some(Boolean)) return null;
  const { conflictId } = conflict;
  const path = { conflictId };
  const done = () => onRecorded(t('conflictForm.recorded'));
  const pendingMediator = conflict.pendingMediator?.mediatorId ?? '';
  const pendingProposal = conflict.pendingResolution?.proposalId ?? '';
  const involved = [conflict.raisedBy, ...conflict.parties];
  return (
    <section aria-labelledby="conflict-acts">
      <h2 id="conflict-acts">{t('conflictForm.yourActs')}</h2>
      {may.acknowledge ? (
        <ConflictAct
          submitLabel={t('conflictForm.acknowledge')}
          onRecorded={done}
          send={(_form, init) =>
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
          <p>{t('conflictForm.mediatorProposed', { mediator: pendingMediator })}</p>
          <ConflictAct
            submitLabel={t('conflictForm.acceptMediator', { mediator: pendingMediator })}
            onRecorded={done}
            send={(_form, init) =>
              client.POST('/conflicts/{conflictId}/mediator-proposals/{mediatorId}/acceptance', {
                ...init,
                params: { path: { conflictId, mediatorId: pendingMediator } },
                body: {},
              })
            }
          />
          <ConflictAct
            title={t('conflictForm.objectToMediator', { mediator: pendingMediator })}
            submitLabel={t('conflictForm.objectSubmit')}
            fields={['reason']}
            onRecorded={done}
            send={(form, init) =>
              client.POST('/conflicts/{conflictId}/mediator-proposals/{mediatorId}/objection', {
                ...init,
                params: { path: { conflictId, mediatorId: pendingMediator } },
                body: { reason: text(form, 'reason'), ...actOf(form) },
              })
            }
          >
            {(errorsOf) => (
              <TextAreaField
                name="reason"
                rows={2}
                label={t('conflictForm.reason')}
                errors={errorsOf('reason')}
              />
            )}
          </ConflictAct>
        </>
      ) : null}
      {may.answerResolution ? (
        <>
          <ConflictAct
            submitLabel={t('conflictForm.acceptResolution')}
            onRecorded={done}
            send={(_form, init) =>
              client.POST('/conflicts/{conflictId}/resolution-proposals/{proposalId}/acceptance', {
                ...init,
                params: { path: { conflictId, proposalId: pendingProposal } },
                body: {},
              })
            }
          />
          <ConflictAct
            title={t('conflictForm.rejectResolution')}
            submitLabel={t('conflictForm.rejectSubmit')}
            fields={['reason']}
            onRecorded={done}
            send={(form, init) =>
              client.POST('/conflicts/{conflictId}/resolution-proposals/{proposalId}/rejection', {
                ...init,
                params: { path: { conflictId, proposalId: pendingProposal } },
                body: { reason: text(form, 'reason'), ...actOf(form) },
              })
            }
          >
            {(errorsOf) => (
              <TextAreaField
                name="reason"
                rows={2}
                label={t('conflictForm.reason')}
                errors={errorsOf('reason')}
              />
            )}
          </ConflictAct>
        </>
      ) : null}
      {may.proposeMediator ? (
        <ConflictAct
          title={t('conflictForm.proposeMediator')}
          submitLabel={t('conflictForm.proposeMediatorSubmit')}
          fields={['mediatorId']}
          onRecorded={done}
          send={(form, init) =>
            client.POST('/conflicts/{conflictId}/mediator-proposals', {
              ...init,
              params: { path },
              body: { mediatorId: text(form, 'mediatorId'), ...actOf(form) },
            })
          }
        >
          {(errorsOf) => (
            <Field
              name="mediatorId"
              label={t('conflictForm.mediatorId')}
              hint={t('conflictForm.mediatorIdHint')}
              errors={errorsOf('mediatorId')}
            />
          )}
        </ConflictAct>
      ) : null}
      {may.recordStatement ? (
        <ConflictAct
          title={t('conflictForm.statement')}
          submitLabel={t('conflictForm.statementSubmit')}
          fields={['text']}
          onRecorded={done}
          send={(form, init) =>
            client.POST('/conflicts/{conflictId}/statements', {
              ...init,
              params: { path },
              body: { text: text(form, 'text'), ...actOf(form) },
            })
          }
        >
          {(errorsOf) => (
            <TextAreaField
              name="text"
              rows={4}
              label={t('conflictForm.statementText')}
              errors={errorsOf('text')}
            />
          )}
        </ConflictAct>
      ) : null}
      {may.recordSession ? (
        <ConflictAct
          title={t('conflictForm.session')}
          submitLabel={t('conflictForm.sessionSubmit')}
          fields={['heldOn', 'attendees', 'summary']}
          onRecorded={done}
          send={(form, init) =>
            client.POST('/conflicts/{conflictId}/sessions', {
              ...init,
              params: { path },
              body: {
                heldOn: text(form, 'heldOn'),
                attendees: chosenValues(form, 'attendees'),
                summary: text(form, 'summary'),
                ...actOf(form),
              },
            })
          }
        >
          {(errorsOf) => (
            <>
              <Field
                name="heldOn"
                type="date"
                max={today()}
                defaultValue={today()}
                label={t('conflictForm.heldOn')}
                errors={errorsOf('heldOn')}
              />
              <PartnerChoices
                name="attendees"
                legend={t('conflictForm.attendees')}
                choices={[
                  ...involved.map((partnerId) => ({ value: partnerId, label: name(partnerId) })),
                  { value: session.personId, label: t('conflictForm.youMediator') },
                ]}
                chosen={[...involved, session.personId]}
                errors={errorsOf('attendees')}
              />
              <TextAreaField
                name="summary"
                rows={4}
                label={t('conflictForm.sessionSummary')}
                errors={errorsOf('summary')}
              />
            </>
          )}
        </ConflictAct>
      ) : null}
      {may.proposeResolution ? (
        <ConflictAct
          title={t('conflictForm.proposeResolution')}
          submitLabel={t('conflictForm.proposeResolutionSubmit')}
          fields={['terms']}
          onRecorded={done}
          send={(form, init) =>
            client.POST('/conflicts/{conflictId}/resolution-proposals', {
              ...init,
              params: { path },
              body: { terms: text(form, 'terms'), ...actOf(form) },
            })
          }
        >
          {(errorsOf) => (
            <TextAreaField
              name="terms"
              rows={4}
              label={t('conflictForm.resolutionTerms')}
              errors={errorsOf('terms')}
            />
          )}
        </ConflictAct>
      ) : null}
      {may.scheduleFollowUp ? (
        <ConflictAct
          title={t('conflictForm.followUp')}
          submitLabel={t('conflictForm.followUpSubmit')}
          fields={['reviewOn']}
          onRecorded={done}
          send={(form, init) =>
            client.PUT('/conflicts/{conflictId}/follow-up-review', {
              ...init,
              params: { path },
              body: { reviewOn: text(form, 'reviewOn'), ...actOf(form) },
            })
          }
        >
          {(errorsOf) => (
            <Field
              name="reviewOn"
              type="date"
              min={today()}
              label={t('conflictForm.reviewOn')}
              errors={errorsOf('reviewOn')}
            />
          )}
        </ConflictAct>
      ) : null}
      {may.escalate ? (
        <ConflictAct
          title={t('conflictForm.escalate')}
          submitLabel={t('conflictForm.escalateSubmit')}
          fields={['escalatedTo', 'reason']}
          onRecorded={done}
          send={(form, init) =>
            client.POST('/conflicts/{conflictId}/escalation', {
              ...init,
              params: { path },
              body: {
                escalatedTo: text(form, 'escalatedTo'),
                reason: text(form, 'reason'),
                ...actOf(form),
              },
            })
          }
        >
          {(errorsOf) => (
            <>
              <Field
                name="escalatedTo"
                label={t('conflictForm.escalatedTo')}
                errors={errorsOf('escalatedTo')}
              />
              <TextAreaField
                name="reason"
                rows={2}
                label={t('conflictForm.reason')}
                errors={errorsOf('reason')}
              />
            </>
          )}
        </ConflictAct>
      ) : null}
      {may.withdraw ? (
        <ConflictAct
          title={t('conflictForm.withdraw')}
          submitLabel={t('conflictForm.withdrawSubmit')}
          fields={['reason']}
          onRecorded={done}
          send={(form, init) =>
            client.POST('/conflicts/{conflictId}/withdrawal', {
              ...init,
              params: { path },
              body: { reason: text(form, 'reason'), ...actOf(form) },
            })
          }
        >
          {(errorsOf) => (
            <TextAreaField
              name="reason"
              rows={2}
              label={t('conflictForm.reason')}
              errors={errorsOf('reason')}
            />
          )}
        </ConflictAct>
      ) : null}
    </section>
  );
}
