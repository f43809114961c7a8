import { useId } from 'react';
import { useLedgerClient } from '../../api/LedgerClientProvider';
import type { components } from '../../api/schema';
import type { CommandInit } from '../../api/use-command';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { TextAreaField } from '../../kit/TextAreaField';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';
import { type PeopleNames, useSubjectText } from './subjects';

type Erasure = components['schemas']['ErasureDocument'];

/**
 * A requested erasure's two answers, each with its reason: carrying it out (for good: the
 * subject's keys are destroyed; a person must have been removed from the directory first) or
 * declining it. The ledger's refusals show above each form.
 */
export function AnswerErasure({
  erasure,
  names,
  onRecorded,
}: {
  readonly erasure: Erasure;
  readonly names: PeopleNames;
  readonly onRecorded: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const client = useLedgerClient();
  const id = useId();
  const subject = useSubjectText(names)(erasure.dataSubject);
  // Both answers take the same body: a reason.
  const answer = (kind: 'carry-out' | 'decline') => (form: FormData, init: CommandInit) => {
    const request = {
      ...init,
      params: { path: { erasureId: erasure.erasureId } },
      body: { reason: formText(form, 'reason').trim() },
    };
    return kind === 'carry-out'
      ? client.POST('/erasures/{erasureId}/carrying-out', request)
      : client.POST('/erasures/{erasureId}/declining', request);
  };
  return (
    <section aria-labelledby={id} className="form-section">
      <h3 id={id}>
        {t('personalData.answerOf', { subject, at: format.date(erasure.requested.at) })}
      </h3>
      <p className="notice">{t('personalData.carryOutWarning')}</p>
      <CommandForm
        fields={['reason']}
        label={t('personalData.carryOutOf', { subject })}
        submitLabel={t('personalData.carryOut')}
        recordedText={t('personalData.carriedOutNow')}
        onRecorded={onRecorded}
        send={answer('carry-out')}
      >
        {(errorsOf) => (
          <TextAreaField
            name="reason"
            rows={2}
            label={t('personalData.carryOutReason')}
            hint={t('personalData.answerReasonHint')}
            required
            errors={errorsOf('reason')}
          />
        )}
      </CommandForm>
      <CommandForm
        fields={['reason']}
        label={t('personalData.declineOf', { subject })}
        submitLabel={t('personalData.decline')}
        recordedText={t('personalData.declinedNow')}
        onRecorded={onRecorded}
        send={answer('decline')}
      >
        {(errorsOf) => (
          <TextAreaField
            name="reason"
            rows={2}
            label={t('personalData.declineReason')}
            hint={t('personalData.answerReasonHint')}
            required
            errors={errorsOf('reason')}
          />
        )}
      </CommandForm>
    </section>
  );
}
