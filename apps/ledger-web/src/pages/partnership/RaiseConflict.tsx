import { useLedgerClient } from '../../api/LedgerClientProvider';
import { useSignedIn } from '../../auth/SessionProvider';
import { hasRole } from '../../auth/session';
import { useT } from '../../i18n/use-t';
import { Field } from '../../kit/Field';
import { TextAreaField } from '../../kit/TextAreaField';
import { ACT_FIELDS, ActFields, actOf } from '../../kit/command/ActFields';
import { CommandForm } from '../../kit/command/CommandForm';
import { formText } from '../../kit/form-text';
import { ActingPartnerField, actingPartnerOf } from './ActingPartnerField';
import { ChoiceBoxes, ticked } from '../../kit/ChoiceBoxes';
import { usePartnership } from './PartnershipLayout';
import { partnerChoices } from './partnership-choices';

const FIELDS = ['partnerId', 'parties', 'subject', 'summary', ...ACT_FIELDS];

/**
 * Raising a conflict against other members, about a subject told in words. A member raises it for
 * itself; an administrator entering a paper record says which member raised it.
 */
export function RaiseConflict({ onRaised }: { readonly onRaised: () => void }) {
  const t = useT();
  const client = useLedgerClient();
  const session = useSignedIn();
  const overview = usePartnership();
  const own = session.partnerId;
  const choices = partnerChoices(overview);
  const member = choices.some((choice) => choice.value === own);
  // An administrator, who acts for no partner, enters a member's paper record.
  if (!member && !hasRole(session, 'admin')) return null;
  return (
    <section aria-labelledby="raise-conflict">
      <h2 id="raise-conflict">{t('conflictForm.raise')}</h2>
      <CommandForm
        fields={FIELDS}
        label={t('conflictForm.raise')}
        submitLabel={t('conflictForm.raiseSubmit')}
        recordedText={t('conflictForm.raised')}
        onRecorded={onRaised}
        send={(form, init) => {
          const raisedBy = actingPartnerOf(form).partnerId;
          return client.POST('/conflicts', {
            ...init,
            body: {
              partnershipId: overview.partnershipId,
              parties: ticked(form, 'parties'),
              subject: { kind: 'free', description: formText(form, 'subject').trim() },
              summary: formText(form, 'summary').trim(),
              ...(raisedBy ? { raisedBy } : {}),
              ...actOf(form),
            },
          });
        }}
      >
        {(errorsOf) => (
          <>
            <ActingPartnerField
              overview={overview}
              errorsOf={errorsOf}
              label={t('conflictForm.raisedBy')}
            />
            <ChoiceBoxes
              name="parties"
              legend={t('conflictForm.parties')}
              choices={choices.filter((choice) => choice.value !== own)}
              errors={errorsOf('parties')}
            />
            <Field
              name="subject"
              label={t('conflictForm.subject')}
              hint={t('conflictForm.subjectHint')}
              errors={errorsOf('subject')}
            />
            <TextAreaField
              name="summary"
              rows={4}
              label={t('conflictForm.summary')}
              errors={errorsOf('summary')}
            />
            <ActFields errorsOf={errorsOf} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
